using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Oracle;

/// <summary>
/// One bundled dataset read straight from its raw CSV (<see cref="RawTmdbData"/>), never through the importer,
/// with the answers issue 13's API must give computed from the rows and the stated semantics.
/// Rules from data/README.md: one movie per TMDB id (the first row of a repeated id), an empty release date is an
/// undated movie (counted in the dataset, in no year), genres decoded per layout (JSON list, pipes or commas),
/// tmdb-movies' year from release_year. Popularity is never compared across datasets.
/// </summary>
public sealed partial class DatasetOracle
{
    private static readonly Lazy<IReadOnlyList<DatasetOracle>> LazyAll = new(() =>
    [
        new("tmdb-5000", "tmdb_5000_movies.csv.gz", isDefault: true),
        new("tmdb-movies", "tmdb-movies.csv.gz", isDefault: false),
        new("tmdb-top10k", "top10K-TMDB-movies.csv.gz", isDefault: false),
    ]);

    private readonly Lazy<RawTmdbFile> _file;

    private DatasetOracle(string id, string fileName, bool isDefault)
    {
        Id = id;
        FileName = fileName;
        IsDefault = isDefault;
        _file = new(() => RawTmdbData.ReadFile(Path.IsPathRooted(fileName) ? fileName : RawTmdbData.DataFile(fileName)));
    }

    /// <summary>A dataset of a file other than the bundled ones (a generated catalog, say), read the same way.</summary>
    public static DatasetOracle FromFile(string id, string path) => new(id, path, isDefault: true);

    public static IReadOnlyList<DatasetOracle> All => LazyAll.Value;

    public static DatasetOracle Tmdb5000 => All[0];

    public static DatasetOracle TmdbMovies => All[1];

    public static DatasetOracle Top10k => All[2];

    /// <summary>The dataset the <c>dataset</c> argument names; null is the default one.</summary>
    public static DatasetOracle Get(string? id) =>
        id is null ? All.Single(dataset => dataset.IsDefault)
        : All.FirstOrDefault(dataset => dataset.Id == id) ?? throw new OracleError(OracleError.UnknownDataset, $"no dataset '{id}'");

    public string Id { get; }

    public string FileName { get; }

    public bool IsDefault { get; }

    /// <summary>Every movie, dated or not.</summary>
    public IReadOnlyList<RawTmdbMovie> Movies => _file.Value.Movies;

    public IReadOnlyList<RawTmdbMovie> Dated => [.. Movies.Where(movie => movie.Year is not null)];

    public int MovieCount => Movies.Count;

    public int UndatedCount => Movies.Count(movie => movie.Year is null);

    public int FirstYear => Dated.Min(movie => movie.Year!.Value);

    public int LastYear => Dated.Max(movie => movie.Year!.Value);

    /// <summary>Every genre name of the dataset, dated movies or not, in the file's spelling.</summary>
    public IReadOnlyList<string> Genres => [.. Movies.SelectMany(movie => movie.Genres).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The measures the file has columns for: a file without budget cannot give a median budget.</summary>
    public IReadOnlyList<OracleMeasure> Measures => [.. Enum.GetValues<OracleMeasure>().Where(measure => MeasureColumns(measure).All(HasColumn))];

    /// <summary>The <c>MovieFilter</c> fields the file has columns for.</summary>
    public IReadOnlyList<string> Filters => [.. OracleFilter.Fields.Where(filter => filter.Columns.All(HasColumn)).Select(filter => filter.Field)];

    public override string ToString() => Id;

    private bool HasColumn(string column) => _file.Value.Columns.Contains(column);

    private static string[] MeasureColumns(OracleMeasure measure) => measure switch
    {
        OracleMeasure.Movies or OracleMeasure.Share => [],
        OracleMeasure.AverageRating => ["vote_average", "vote_count"],
        OracleMeasure.MedianRuntime => ["runtime"],
        OracleMeasure.MedianBudget => ["budget"],
        OracleMeasure.MedianRevenue or OracleMeasure.TotalRevenue => ["revenue"],
        OracleMeasure.MedianRoi => ["budget", "revenue"],
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>Checks a measure and filter against what the dataset holds, as the service must.</summary>
    private void Check(OracleMeasure measure, OracleFilter filter)
    {
        if (!Measures.Contains(measure))
        {
            throw new OracleError(OracleError.MeasureUnavailable, $"{Id} has no data for {measure.GraphQLName()}");
        }

        filter.Check(Filters);
    }

    /// <summary>Genre names match without regard to case and answer in the dataset's spelling; a name asked twice counts once.</summary>
    private string ResolveGenre(string name) =>
        Genres.FirstOrDefault(genre => string.Equals(genre, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new OracleError(OracleError.UnknownGenre, $"{Id} has no genre '{name}'");
}
