using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using MovieTrends.Ingest.Import.Layouts;
using nietras.SeparatedValues;
using Npgsql;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// Loads a TMDB data file into the catalog in one transaction: stage with binary COPY, merge by TMDB id,
/// rebuild the per-year aggregates, record the import and every skipped row, notify. All or nothing: a
/// damaged or truncated file, like any other failure, rolls everything back.
/// </summary>
public sealed partial class CatalogImporter(NpgsqlDataSource dataSource, ILogger<CatalogImporter> logger)
{
    // The summary and import_rejections keep every skipped row; the log shows enough to see the pattern.
    private const int MaxSkippedRowsLogged = 50;

    // Invalid bytes are an error, not a silent replacement character: binary data is not a CSV file.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly SepReaderOptions CsvOptions = new(Sep.New(','))
    {
        Unescape = true,
        // A record with the wrong number of fields is reported and skipped, not fatal.
        DisableColCountCheck = true,
    };

    public async Task<ImportSummary> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        using var activity = IngestTelemetry.ActivitySource.StartActivity("import");
        activity?.SetTag("movietrends.import.file", Path.GetFileName(path));
        try
        {
            var summary = await RunAsync(path, cancellationToken);
            activity?.SetTag("movietrends.import.layout", summary.Layout);
            activity?.SetTag("movietrends.import.rows_read", summary.RowsRead);
            IngestTelemetry.RecordRows(summary);
            LogImported(logger, summary.ToString());
            foreach (var skipped in summary.Skipped.Take(MaxSkippedRowsLogged))
            {
                LogSkipped(logger, summary.FileName, skipped.Line, skipped.Reason);
            }

            if (summary.RowsSkipped > MaxSkippedRowsLogged)
            {
                LogMoreSkipped(logger, summary.FileName, summary.RowsSkipped - MaxSkippedRowsLogged);
            }

            if (summary.RowsSkipped > 0)
            {
                LogWhereSkippedRowsAre(logger, summary.RowsSkipped, summary.FileName, RejectionLog.Query(summary.ImportId));
            }

            return summary;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    private async Task<ImportSummary> RunAsync(string path, CancellationToken cancellationToken)
    {
        using var file = ImportFile.Open(path);
        using var reader = OpenCsv(file);
        var layout = MovieLayout.Detect(reader.Header.ColNames) ?? throw Refuse(file, UnrecognizedHeader(file, reader.Header.ColNames));
        var progress = new ImportProgress(logger, file.FileName, () => file.ReadFraction);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var staged = await StageAsync(connection, file, reader, layout, progress, cancellationToken);
        file.EnsureComplete();
        LogStaged(logger, file.FileName, staged.RowsStaged, progress.Elapsed.TotalSeconds);
        var sha256 = file.FinishSha256();

        var (importId, changes) = await CatalogMerge.ApplyAsync(connection, file.FileName, sha256, layout.Name, layout.Dataset, staged.Genres, cancellationToken);
        await RejectionLog.WriteAsync(connection, importId, staged.Skipped, cancellationToken);
        var summary = new ImportSummary(importId, file.FileName, sha256, layout.Name, staged.RowsRead,
            changes.Inserted, changes.Updated, staged.RowsStaged - changes.Inserted - changes.Updated,
            staged.Skipped, progress.Elapsed, changes.CatalogChanged);
        await CatalogMerge.CompleteAsync(connection, summary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary with { Duration = progress.Elapsed };
    }

    private static async Task<StagingLoader.Result> StageAsync(NpgsqlConnection connection, ImportFile file, SepReader reader,
        MovieLayout layout, ImportProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            return await StagingLoader.LoadAsync(connection, reader, layout, progress, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new ImportException($"{file.FileName} is damaged: {(file.IsGzip ? "the gzip data is corrupt" : e.Message)}", e);
        }
        catch (DecoderFallbackException e)
        {
            throw Refuse(file, NotText(file, e));
        }
        catch (DamagedContentException e)
        {
            throw Refuse(file, new ImportException($"{file.FileName} {e.Message}", e));
        }
    }

    /// <summary>
    /// What to report for a file refused on its content: when the gzip data was cut short, that is the cause
    /// (a cut file reads as a short one, with a partial last record or header), else <paramref name="reason"/>.
    /// </summary>
    private static ImportException Refuse(ImportFile file, ImportException reason)
    {
        file.EnsureComplete();
        return reason;
    }

    private static ImportException NotText(ImportFile file, DecoderFallbackException e) =>
        new($"{file.FileName} is damaged: it holds bytes that are not UTF-8 text, so it is not a CSV file", e);

    /// <summary>The column names of a file's header row, read without importing it.</summary>
    public static string[] ReadHeader(string path)
    {
        using var file = ImportFile.Open(path);
        using var reader = OpenCsv(file);
        return [.. reader.Header.ColNames];
    }

    private static SepReader OpenCsv(ImportFile file)
    {
        try
        {
            var reader = CsvOptions.From(new StreamReader(file.Content, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));
            return reader.IsEmpty
                ? throw Refuse(file, new ImportException($"{file.FileName} is empty: expected a CSV header row and movie rows"))
                : reader;
        }
        catch (DecoderFallbackException e)
        {
            throw Refuse(file, NotText(file, e));
        }
        catch (InvalidDataException e)
        {
            throw new ImportException($"{file.FileName} is damaged: the gzip data is corrupt", e);
        }
        catch (ArgumentException e)
        {
            throw new ImportException($"{file.FileName} has an unusable header: {e.Message}", e);
        }
    }

    private static ImportException UnrecognizedHeader(ImportFile file, IReadOnlyList<string> header)
    {
        var expected = string.Join("; ", MovieLayout.All.Select(l => l.ToString()));
        var found = string.Join(", ", header.Take(12)) + (header.Count > 12 ? ", ..." : "");
        return new ImportException(
            $"unrecognized header in {file.FileName}: expected one of the TMDB layouts {expected}; found {found}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FileName}: staged {Rows:N0} rows in {Seconds:F1} s, merging")]
    private static partial void LogStaged(ILogger logger, string fileName, int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Summary}")]
    private static partial void LogImported(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FileName} line {Line} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string fileName, int line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FileName}: {Count} more rows skipped (see the import summary)")]
    private static partial void LogMoreSkipped(ILogger logger, string fileName, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "All {Count} skipped rows of {FileName}, with line and reason: {Query}")]
    private static partial void LogWhereSkippedRowsAre(ILogger logger, int count, string fileName, string query);
}
