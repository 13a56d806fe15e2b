namespace MovieTrends.Tests.Oracle;

/// <summary>
/// The oracle's dataset figures against data/README.md and a one-off count over the raw CSVs with Python's own CSV
/// reader, first row per id (run from the repository root):
/// <c>load = lambda f: {r['id']: r for r in reversed(list(csv.DictReader(gzip.open('data/' + f, 'rt', newline=''))))}</c>.
/// </summary>
public sealed class DatasetOracleTests
{
    [Theory]
    // len(m); sum(not r['release_date'] for r in m.values()); min/max of the dated years ('release_year' in tmdb-movies)
    [InlineData("tmdb-5000", 4_803, 1, 1916, 2017)]
    [InlineData("tmdb-movies", 10_865, 0, 1960, 2015)] // 10,866 rows: id 42194 (TEKKEN) is repeated
    [InlineData("tmdb-top10k", 10_000, 0, 1902, 2022)]
    public void Each_dataset_counts_its_distinct_movies_and_years(string id, int movies, int undated, int firstYear, int lastYear)
    {
        var dataset = DatasetOracle.Get(id);

        Assert.Equal((movies, undated, firstYear, lastYear), (dataset.MovieCount, dataset.UndatedCount, dataset.FirstYear, dataset.LastYear));
    }

    [Fact]
    public void The_default_dataset_is_tmdb_5000_and_an_unknown_id_is_refused()
    {
        Assert.Same(DatasetOracle.Tmdb5000, DatasetOracle.Get(null));
        Assert.Equal(["tmdb-5000", "tmdb-movies", "tmdb-top10k"], DatasetOracle.All.Select(dataset => dataset.Id));
        Assert.Equal(OracleError.UnknownDataset, Assert.Throws<OracleError>(() => DatasetOracle.Get("tmdb-50000")).Code);
    }

    [Fact]
    public void Measures_and_filters_follow_the_columns_each_file_has()
    {
        // data/README.md: tmdb-movies has no original_language or status; the top-10K file no budget, revenue or runtime.
        Assert.Equal(Enum.GetValues<OracleMeasure>(), DatasetOracle.Tmdb5000.Measures);
        Assert.Equal(Enum.GetValues<OracleMeasure>(), DatasetOracle.TmdbMovies.Measures);
        Assert.Equal([OracleMeasure.Movies, OracleMeasure.Share, OracleMeasure.AverageRating], DatasetOracle.Top10k.Measures);

        Assert.Equal(["languages", "minVotes", "minRating", "releasedOnly"], DatasetOracle.Tmdb5000.Filters);
        Assert.Equal(["minVotes", "minRating"], DatasetOracle.TmdbMovies.Filters);
        Assert.Equal(["languages", "minVotes", "minRating"], DatasetOracle.Top10k.Filters);
    }

    [Fact]
    public void Genres_are_per_dataset_and_an_unknown_one_is_refused()
    {
        // data/README.md: 20 genre names in the 5000 file and tmdb-movies; 18 in the top-10K file (no Foreign, no Documentary).
        Assert.Equal(20, DatasetOracle.Tmdb5000.Genres.Count);
        Assert.Equal(DatasetOracle.Tmdb5000.Genres, DatasetOracle.TmdbMovies.Genres);
        Assert.Equal(DatasetOracle.Tmdb5000.Genres.Except(["Documentary", "Foreign"]), DatasetOracle.Top10k.Genres);
        Assert.Equal(OracleError.UnknownGenre,
            Assert.Throws<OracleError>(() => DatasetOracle.Top10k.GenreTrends(2000, 2001, ["Documentary"])).Code);
    }

    [Fact]
    public void Tmdb_movies_takes_the_century_from_release_year()
    {
        // Blow-Up is '12/18/66' with release_year 1966 (a %y parser would say 2066).
        var blowUp = Assert.Single(DatasetOracle.TmdbMovies.Movies, movie => movie.Title == "Blow-Up");
        Assert.Equal(new DateOnly(1966, 12, 18), blowUp.ReleaseDate);
        Assert.Single(DatasetOracle.TmdbMovies.Movies, movie => movie.Id == 42194);
    }

    [Fact]
    public void Unavailable_measures_and_filters_and_bad_filter_values_are_refused_with_their_codes()
    {
        var top10k = DatasetOracle.Top10k;
        Assert.Equal(OracleError.MeasureUnavailable,
            Assert.Throws<OracleError>(() => top10k.GenreTrends(2000, 2010, measure: OracleMeasure.MedianBudget)).Code);
        Assert.Equal(OracleError.FilterUnavailable,
            Assert.Throws<OracleError>(() => top10k.GenreTrends(2000, 2010, filter: new(ReleasedOnly: true))).Code);
        Assert.Equal(OracleError.FilterUnavailable,
            Assert.Throws<OracleError>(() => DatasetOracle.TmdbMovies.Popularity(2000, filter: new(Languages: ["fr"]))).Code);
        Assert.Equal(OracleError.InvalidFilter,
            Assert.Throws<OracleError>(() => top10k.MovieList(2000, 2010, filter: new(MinRating: 10.5))).Code);
        Assert.Equal(OracleError.InvalidFilter,
            Assert.Throws<OracleError>(() => top10k.MovieList(2000, 2010, filter: new(MinVotes: -1))).Code);
    }

    [Fact]
    public void Measure_names_are_the_schema_spelling() =>
        Assert.Equal(
            ["MOVIES", "SHARE", "AVERAGE_RATING", "MEDIAN_RUNTIME", "MEDIAN_BUDGET", "MEDIAN_REVENUE", "TOTAL_REVENUE", "MEDIAN_ROI"],
            Enum.GetValues<OracleMeasure>().Select(measure => measure.GraphQLName()));
}
