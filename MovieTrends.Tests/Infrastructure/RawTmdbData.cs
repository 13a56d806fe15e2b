using System.Globalization;
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
/// The default data file read independently of the importer: the tests' own RFC 4180 reader
/// (<see cref="CsvFixture"/>) and System.Text.Json for the genre lists. Tests compute their expected numbers from this, never from the
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
        var file = CsvFixture.Load(gzipPath);
        foreach (var column in new[] { "id", "title", "release_date", "popularity", "vote_average", "vote_count", "genres", "overview" })
        {
            if (!file.Has(column))
            {
                throw new InvalidDataException($"The data file has no '{column}' column.");
            }
        }

        string? Optional(CsvFixture.Record row, string column) => file.Get(row, column) is { Length: > 0 } value ? value : null;
        return [.. file.Rows.Select(row => new RawTmdbMovie(
            file.Id(row),
            file.Get(row, "title"),
            Optional(row, "release_date") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            double.Parse(file.Get(row, "popularity"), CultureInfo.InvariantCulture),
            Optional(row, "vote_average") is { } voteAverage ? double.Parse(voteAverage, CultureInfo.InvariantCulture) : null,
            Optional(row, "vote_count") is { } voteCount ? int.Parse(voteCount, CultureInfo.InvariantCulture) : null,
            GenreNames(file.Get(row, "genres")),
            Optional(row, "overview")))];
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
