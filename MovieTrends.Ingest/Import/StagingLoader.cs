using Microsoft.Extensions.Logging;
using MovieTrends.Ingest.Import.Layouts;
using nietras.SeparatedValues;
using Npgsql;
using NpgsqlTypes;
using static MovieTrends.Catalog.StagingSql;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// Streams a file's valid rows into the session's temp table <c>stage_movies</c> with one binary COPY,
/// collecting the rows it has to skip. Nothing here touches the catalog itself.
/// </summary>
internal static class StagingLoader
{
    /// <summary>
    /// The outcome of reading the file: every data row is either staged or skipped. <paramref name="Genres"/>
    /// holds the distinct genre names of the staged rows, in ordinal order.
    /// </summary>
    public sealed record Result(int RowsRead, int RowsStaged, IReadOnlyList<SkippedRow> Skipped, string[] Genres);

    public static async Task<Result> LoadAsync(NpgsqlConnection connection, SepReader reader, MovieLayout layout,
        ImportProgress progress, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateStageTable, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var writer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        var result = CopyRows(writer, reader, layout, progress, cancellationToken);
        await writer.CompleteAsync(cancellationToken);
        return result;
    }

    // Synchronous on purpose: the writer buffers, so per-field awaits would only add overhead to a hot loop.
    private static Result CopyRows(NpgsqlBinaryImporter writer, SepReader reader, MovieLayout layout,
        ImportProgress progress, CancellationToken cancellationToken)
    {
        var columnCount = reader.Header.ColNames.Count;
        var genreNames = new GenreNames();
        var details = new DetailColumns(reader.Header.ColNames);
        var firstLineById = new Dictionary<int, int>();
        var skipped = new List<SkippedRow>();
        var stagedGenres = new HashSet<string>(StringComparer.Ordinal);
        var rowsRead = 0;
        foreach (var row in reader)
        {
            rowsRead++;
            progress.RowRead(rowsRead);
            if ((rowsRead & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = row.LineNumberFrom;
            CheckText(row.Span, line);
            if (row.ColCount != columnCount)
            {
                skipped.Add(new(line, $"expected {columnCount} fields as in the header, found {row.ColCount}"));
                continue;
            }

            if (!layout.TryRead(row, genreNames, details, out var movie, out var error))
            {
                skipped.Add(new(line, error));
                continue;
            }

            // The first occurrence of an id wins, whatever order the later ones come in.
            if (!firstLineById.TryAdd(movie.Id, line))
            {
                skipped.Add(new(line, $"duplicate id {movie.Id}: already read on line {firstLineById[movie.Id]}, which is kept"));
                continue;
            }

            Write(writer, movie);
            stagedGenres.UnionWith(movie.Genres);
        }

        return new Result(rowsRead, firstLineById.Count, skipped, [.. stagedGenres.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Refuses text no complete CSV file holds. An odd number of quotes means the record ended inside a quoted
    /// field, which only the end of the data does: the file was cut mid-record. Must run before any field is
    /// read, while the row is still the raw text (unescaping rewrites it in place).
    /// </summary>
    /// <exception cref="DamagedContentException">A NUL character, or a quoted field that never closes.</exception>
    private static void CheckText(ReadOnlySpan<char> record, int line)
    {
        if (record.Contains('\0'))
        {
            throw new DamagedContentException($"is damaged: line {line} holds a NUL byte, so this is not a CSV text file");
        }

        if ((record.Count('"') & 1) == 1)
        {
            throw new DamagedContentException(
                $"is damaged: the record starting on line {line} opens a quoted field that never closes (the file is cut mid-record)");
        }
    }

    private static void Write(NpgsqlBinaryImporter writer, MovieRow movie)
    {
        writer.StartRow();
        writer.Write(movie.Id, NpgsqlDbType.Integer);
        writer.Write(movie.Title, NpgsqlDbType.Text);
        WriteNullable(writer, movie.ReleaseDate, NpgsqlDbType.Date);
        WriteNullable(writer, (short?)movie.ReleaseDate?.Year, NpgsqlDbType.Smallint);
        writer.Write(movie.Popularity, NpgsqlDbType.Double);
        WriteNullable(writer, movie.VoteAverage, NpgsqlDbType.Numeric);
        WriteNullable(writer, movie.VoteCount, NpgsqlDbType.Integer);
        WriteText(writer, movie.Overview);
        writer.Write(movie.Genres, NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteNullable(writer, movie.Details.Runtime, NpgsqlDbType.Integer);
        WriteNullable(writer, movie.Details.Budget, NpgsqlDbType.Bigint);
        WriteNullable(writer, movie.Details.Revenue, NpgsqlDbType.Bigint);
        WriteText(writer, movie.Details.OriginalLanguage);
        WriteText(writer, movie.Details.Status);
    }

    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } present)
        {
            writer.Write(present, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
