namespace MovieTrends.Tests.Oracle;

/// <summary>
/// Measures and filters of the oracle's <c>genreTrends</c> against one-off Python computations over the raw CSVs
/// (loader as in <see cref="DatasetOracleTests"/>; <c>G(r)</c> = the genre names of <c>json.loads(r['genres'])</c>,
/// <c>Y(r)</c> = <c>r['release_date'][:4]</c>, <c>D(y, g)</c> = the movies of tmdb-5000 with <c>Y(r) == y and g in G(r)</c>).
/// </summary>
public sealed class TrendsOracleTests
{
    private static readonly DatasetOracle Tmdb5000 = DatasetOracle.Tmdb5000;

    [Fact]
    public void Drama_in_2010_is_115_of_225_movies()
    {
        // len(D('2010', 'Drama')); sum(Y(r) == '2010' for r in m.values())
        var trends = Tmdb5000.GenreTrends(2010, 2010, ["drama"]);

        Assert.Equal([225], trends.Totals);
        Assert.Equal([115], trends["Drama"].Counts);
        Assert.Equal([115.0], trends["Drama"].Values);
        Assert.Equal(115, trends["Drama"].Total);
    }

    [Fact]
    public void Share_is_the_percentage_of_the_years_movies()
    {
        var share = Tmdb5000.GenreTrends(2010, 2010, ["Drama"], OracleMeasure.Share)["Drama"];

        Assert.Equal(100.0 * 115 / 225, share.Values[0]!.Value, 9); // 51.111...
        Assert.Equal([115], share.Known);
    }

    [Theory]
    // statistics.median(float(r['budget']) for r in D('2009', 'Action') if float(r['budget']) > 0): 44 of 51 known
    [InlineData(OracleMeasure.MedianBudget, 2009, "Action", 51, 44, 40_000_000.0)]
    // mean of float(r['vote_average']) over D('2010', 'Drama') with int(r['vote_count']) > 0
    [InlineData(OracleMeasure.AverageRating, 2010, "Drama", 115, 113, 6.302654867256635)]
    // median of float(r['runtime'] or 0) > 0 over D('2010', 'Drama')
    [InlineData(OracleMeasure.MedianRuntime, 2010, "Drama", 115, 113, 107.0)]
    // median of revenue / budget over D('2010', 'Horror') with both > 0
    [InlineData(OracleMeasure.MedianRoi, 2010, "Horror", 27, 19, 2.6122560769230767)]
    // sum of float(r['revenue']) > 0 over D('2015', 'Animation')
    [InlineData(OracleMeasure.TotalRevenue, 2015, "Animation", 13, 10, 4_083_179_482.0)]
    public void A_measure_is_taken_over_the_known_values_only(OracleMeasure measure, int year, string genre, int count, int known, double value)
    {
        var series = Tmdb5000.GenreTrends(year, year, [genre], measure)[genre];

        Assert.Equal([count], series.Counts);
        Assert.Equal([known], series.Known);
        Assert.Equal(value, series.Values[0]!.Value, 6);
    }

    [Fact]
    public void Tmdb_movies_has_money_and_top10k_has_ratings()
    {
        // tmdb-movies: median of revenue / budget (both > 0) over release_year 2000 and 'Comedy' in r['genres'].split('|'): 43 of 97
        var roi = DatasetOracle.TmdbMovies.GenreTrends(2000, 2000, ["Comedy"], OracleMeasure.MedianRoi)["Comedy"];
        Assert.Equal([97], roi.Counts);
        Assert.Equal([43], roi.Known);
        Assert.Equal(1.8829835, roi.Values[0]!.Value, 6);

        // top-10K: mean vote_average over r['release_date'][:4] == '2020' and 'Drama' in r['genre'].split(','): 133 movies
        var rating = DatasetOracle.Top10k.GenreTrends(2020, 2020, ["Drama"], OracleMeasure.AverageRating)["Drama"];
        Assert.Equal([133], rating.Known);
        Assert.Equal(6.8624060150375925, rating.Values[0]!.Value, 9);
    }

    [Fact]
    public void A_year_without_known_values_is_null_and_a_year_without_movies_has_no_share()
    {
        var trends = Tmdb5000.GenreTrends(1850, 1850, ["Drama"], OracleMeasure.MedianBudget);
        Assert.Equal([null], trends["Drama"].Values);
        Assert.Equal([null], Tmdb5000.GenreTrends(1850, 1850, ["Drama"], OracleMeasure.Share)["Drama"].Values);
        Assert.Equal([0.0], Tmdb5000.GenreTrends(1850, 1850, ["Drama"])["Drama"].Values.Cast<double?>());
    }

    [Fact]
    public void The_filter_narrows_counts_and_totals_alike()
    {
        // 2015: 216 movies, 2 of them 'Post Production' (r['status'] != 'Released')
        Assert.Equal([214], Tmdb5000.GenreTrends(2015, 2015, filter: new(ReleasedOnly: true)).Totals);
        // 2010 with int(r['vote_count']) > 0 and float(r['vote_average']) >= 6.1: 113, eight of them exactly 6.1
        Assert.Equal([113], Tmdb5000.GenreTrends(2010, 2010, filter: new(MinRating: 6.1)).Totals);
        // Movies without votes never pass minRating, even 0: 4,741 dated movies have votes
        Assert.Equal(4_741, Tmdb5000.GenreTrends(1916, 2017, filter: new(MinRating: 0)).Totals.Sum());
        // top-10K: r['original_language'].lower() == 'fr' released 2000..2009: 120 (the filter ignores case)
        Assert.Equal(120, DatasetOracle.Top10k.GenreTrends(2000, 2009, filter: new(Languages: ["FR"])).Totals.Sum());
    }

    [Fact]
    public void Series_are_the_genres_with_passing_movies_by_total_then_name()
    {
        var trends = Tmdb5000.GenreTrends(2000, 2010, filter: new(Languages: ["fr"]));

        Assert.All(trends.Series, series => Assert.True(series.Total > 0));
        Assert.Equal(trends.Series.OrderByDescending(s => s.Total).ThenBy(s => s.Genre, StringComparer.Ordinal), trends.Series);
        Assert.True(trends.Series.Count < 20);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5, KnownValues.Median([10, 1, 3, 2]));
        Assert.Equal(3, KnownValues.Median([5, 1, 3]));
    }
}
