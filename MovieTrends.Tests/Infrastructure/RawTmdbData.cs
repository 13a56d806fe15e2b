using System.Globalization;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// One movie exactly as a raw TMDB CSV states it. A column the file does not have, or an empty field, is null;
/// zeros stay zeros (what a zero means is the reader's business, see the oracle).
/// </summary>
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

    /// <summary>Minutes; some rows write it as a float such as <c>116.0</c>.</summary>
    public double? Runtime { get; init; }

    /// <summary>Nominal US dollars as recorded.</summary>
    public double? Budget { get; init; }

    /// <summary>Nominal US dollars as recorded.</summary>
    public double? Revenue { get; init; }

    public string? OriginalLanguage { get; init; }

    public string? Status { get; init; }
}

/// <summary>A raw file: the columns its header names and its movies, one per TMDB id.</summary>
public sealed record RawTmdbFile(IReadOnlySet<string> Columns, IReadOnlyList<RawTmdbMovie> Movies);

/// <summary>
/// The bundled data files read independently of the importer: the tests' own RFC 4180 reader
/// (<see cref="CsvFixture"/>) and System.Text.Json for the genre lists. Tests compute their expected numbers from this, never from the
/// service's own code. Reads all three layouts (data/README.md): the title is <c>title</c>, or <c>original_title</c>
/// where the file has no <c>title</c>; genres and dates as <see cref="CsvFixture"/> decodes them per layout.
/// </summary>
public static class RawTmdbData
{
    private static readonly Lazy<IReadOnlyList<RawTmdbMovie>> LazyMovies = new(() => Read(DataFilePath));

    public static string DataFilePath => DataFile("tmdb_5000_movies.csv.gz");

    public static IReadOnlyList<RawTmdbMovie> Movies => LazyMovies.Value;

    public static IReadOnlyList<RawTmdbMovie> Dated => [.. Movies.Where(movie => movie.ReleaseDate is not null)];

    public static string DataFile(string fileName) => Path.Combine(RepositoryRoot(), "data", fileName);

    public static IReadOnlyList<RawTmdbMovie> Read(string gzipPath) => ReadFile(gzipPath).Movies;

    public static RawTmdbFile ReadFile(string gzipPath)
    {
        var file = CsvFixture.Load(gzipPath);
        foreach (var column in new[] { "id", "release_date", "popularity", "vote_average", "vote_count", "overview" })
        {
            Require(file, column);
        }

        var titleColumn = file.Has("title") ? "title" : Require(file, "original_title");
        if (!file.Has("genre"))
        {
            Require(file, "genres");
        }

        string? Optional(CsvFixture.Record row, string column) =>
            file.Has(column) && file.Get(row, column) is { Length: > 0 } value ? value : null;
        double? OptionalNumber(CsvFixture.Record row, string column) =>
            Optional(row, column) is { } value ? double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

        // data/README.md: tmdb-movies.csv repeats id 42194 as an exact duplicate; like the importer, the first row counts.
        var movies = file.Rows
            .DistinctBy(file.Id)
            .Select(row => new RawTmdbMovie(
                file.Id(row),
                file.Get(row, titleColumn).Trim(),
                file.ReleaseDate(row),
                file.Double(row, "popularity"),
                OptionalNumber(row, "vote_average"),
                Optional(row, "vote_count") is { } voteCount ? int.Parse(voteCount, CultureInfo.InvariantCulture) : null,
                [.. file.Genres(row).Distinct()],
                Optional(row, "overview"))
            {
                Runtime = OptionalNumber(row, "runtime"),
                Budget = OptionalNumber(row, "budget"),
                Revenue = OptionalNumber(row, "revenue"),
                OriginalLanguage = Optional(row, "original_language"),
                Status = Optional(row, "status"),
            });
        return new RawTmdbFile(file.Columns, [.. movies]);
    }

    private static string Require(CsvFixture file, string column) =>
        file.Has(column) ? column : throw new InvalidDataException($"The data file has no '{column}' column.");

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
