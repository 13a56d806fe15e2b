using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>One movie exactly as the raw TMDB 5000 CSV states it.</summary>
public sealed record RawTmdbMovie(
    int Id,
    string Title,
    DateOnly? ReleaseDate,
    double Popularity,
    double? VoteAverage,
    int? VoteCount,
    IReadOnlyList<string> Genres,
    string? Overview)
{
    public int? Year => ReleaseDate?.Year;
}

/// <summary>
/// The default data file read independently of the importer: a plain RFC 4180 reader written here and
/// System.Text.Json for the genre lists. Tests compute their expected numbers from this, never from the
/// service's own code.
/// </summary>
public static class RawTmdbData
{
    private static readonly Lazy<IReadOnlyList<RawTmdbMovie>> LazyMovies = new(() => Read(DataFilePath));

    public static string DataFilePath => Path.Combine(RepositoryRoot(), "data", "tmdb_5000_movies.csv.gz");

    public static IReadOnlyList<RawTmdbMovie> Movies => LazyMovies.Value;

    public static IReadOnlyList<RawTmdbMovie> Dated => [.. Movies.Where(movie => movie.ReleaseDate is not null)];

    public static IReadOnlyList<RawTmdbMovie> Read(string gzipPath)
    {
        using var text = new StreamReader(new GZipStream(File.OpenRead(gzipPath), CompressionMode.Decompress), Encoding.UTF8);
        var records = ReadRecords(text.ReadToEnd());
        var header = records[0];
        int Column(string name) => Array.IndexOf(header, name) is var index and >= 0
            ? index
            : throw new InvalidDataException($"The data file has no '{name}' column.");

        var (id, title, date, popularity, voteAverage, voteCount, genres, overview) = (
            Column("id"), Column("title"), Column("release_date"), Column("popularity"),
            Column("vote_average"), Column("vote_count"), Column("genres"), Column("overview"));

        return [.. records.Skip(1).Select(record => new RawTmdbMovie(
            int.Parse(record[id], CultureInfo.InvariantCulture),
            record[title],
            record[date].Length == 0 ? null : DateOnly.ParseExact(record[date], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            double.Parse(record[popularity], CultureInfo.InvariantCulture),
            record[voteAverage].Length == 0 ? null : double.Parse(record[voteAverage], CultureInfo.InvariantCulture),
            record[voteCount].Length == 0 ? null : int.Parse(record[voteCount], CultureInfo.InvariantCulture),
            GenreNames(record[genres]),
            record[overview].Length == 0 ? null : record[overview]))];
    }

    private static string[] GenreNames(string json)
    {
        if (json.Length == 0)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(genre => genre.GetProperty("name").GetString()!).Distinct()];
    }

    /// <summary>RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<string[]> ReadRecords(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MovieTrends.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from inside the repository.");
    }
}
