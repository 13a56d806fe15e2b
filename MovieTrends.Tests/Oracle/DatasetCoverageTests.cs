namespace MovieTrends.Tests.Oracle;

/// <summary>
/// The coverage figures docs/datasets.md quotes, computed by the oracle (known = not 0 and not empty,
/// data/README.md), so the page and the data cannot drift apart unnoticed.
/// </summary>
public sealed class DatasetCoverageTests
{
    [Theory]
    // movies with a known runtime, budget, revenue, both budget and revenue, and votes
    [InlineData("tmdb-5000", 4_766, 3_766, 3_376, 3_229, 4_741)]
    [InlineData("tmdb-movies", 10_834, 5_169, 4_849, 3_854, 10_865)]
    [InlineData("tmdb-top10k", 0, 0, 0, 0, 10_000)]
    public void Known_values_per_dataset(string id, int runtime, int budget, int revenue, int roi, int rated)
    {
        var movies = DatasetOracle.Get(id).Movies;

        Assert.Equal(
            (runtime, budget, revenue, roi, rated),
            (Known(KnownValues.Runtime), Known(KnownValues.Budget), Known(KnownValues.Revenue), Known(KnownValues.Roi), Known(KnownValues.Rating)));

        int Known(Func<Infrastructure.RawTmdbMovie, double?> value) => movies.Count(movie => value(movie) is not null);
    }

    [Theory]
    [InlineData("tmdb-5000", 37, "en", 4_505, "fr", 70)]
    [InlineData("tmdb-top10k", 43, "en", 7_810, "fr", 680)]
    public void Languages_per_dataset(string id, int languages, string first, int firstCount, string second, int secondCount)
    {
        var counts = DatasetOracle.Get(id).Movies.CountBy(movie => movie.OriginalLanguage ?? "").OrderByDescending(pair => pair.Value).ToArray();

        Assert.Equal(languages, counts.Length);
        Assert.Equal([KeyValuePair.Create(first, firstCount), KeyValuePair.Create(second, secondCount)], counts.Take(2));
        Assert.DoesNotContain(DatasetOracle.TmdbMovies.Movies, movie => movie.OriginalLanguage is not null || movie.Status is not null);
    }

    [Fact]
    public void Statuses_of_tmdb_5000()
    {
        var counts = DatasetOracle.Tmdb5000.Movies.CountBy(movie => movie.Status ?? "").ToDictionary();

        Assert.Equal(new Dictionary<string, int> { ["Released"] = 4_795, ["Rumored"] = 5, ["Post Production"] = 3 }, counts);
    }
}
