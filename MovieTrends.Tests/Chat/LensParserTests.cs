using MovieTrends.Catalog;
using MovieTrends.GraphQL.Chat.Offline;
using MovieTrends.GraphQL.Movies;

namespace MovieTrends.Tests.Chat;

/// <summary>The offline analyst's reading of measures, filters, datasets and drill-down questions.</summary>
[Trait("Layer", "Fast")]
public sealed class LensParserTests
{
    private static readonly string[] Genres = ["Action", "Comedy", "Drama", "Horror", "Science Fiction"];

    [Theory]
    [InlineData("which genre earns the best return on budget", TrendMeasure.MedianRoi)]
    [InlineData("which genre has the highest rated movies", TrendMeasure.AverageRating)]
    [InlineData("which genre has the longest movies", TrendMeasure.MedianRuntime)]
    [InlineData("which genre has the biggest budgets", TrendMeasure.MedianBudget)]
    [InlineData("which genre makes the most revenue", TrendMeasure.MedianRevenue)]
    [InlineData("which genre has the highest total box office", TrendMeasure.TotalRevenue)]
    [InlineData("which genre has the largest share", TrendMeasure.Share)]
    [InlineData("which genre has the most movies", TrendMeasure.Movies)]
    public void Reads_the_measure(string message, TrendMeasure measure) =>
        Assert.Equal(measure, QuestionParser.LensOf(message).Measure);

    [Theory]
    [InlineData("French dramas", new[] { "fr" }, null, null, null)]
    [InlineData("movies in Japanese or Korean", new[] { "ja", "ko" }, null, null, null)]
    [InlineData("movies with at least 1,000 votes", null, 1000, null, null)]
    [InlineData("movies with more than 1,000 votes", null, 1001, null, null)]
    [InlineData("movies with 2k+ votes", null, 2000, null, null)]
    [InlineData("movies rated 7+", null, null, 7.0, null)]
    [InlineData("movies rated at least 7.5", null, null, 7.5, null)]
    [InlineData("only released movies", null, null, null, true)]
    public void Reads_the_filter(string message, string[]? languages, int? minVotes, double? minRating, bool? releasedOnly)
    {
        var filter = QuestionParser.LensOf(message).Filter!;

        Assert.Equal(languages, filter.Languages);
        Assert.Equal((minVotes, minRating, releasedOnly), (filter.MinVotes, filter.MinRating, filter.ReleasedOnly));
    }

    [Fact]
    public void Released_in_a_year_is_no_filter() =>
        Assert.Null(QuestionParser.LensOf("How many dramas were released in 2010?").Filter);

    [Theory]
    [InlineData("in the 10k top-rated set", "tmdb-top10k")]
    [InlineData("in tmdb-top10k", "tmdb-top10k")]
    [InlineData("in the tmdb-movies dataset", "tmdb-movies")]
    [InlineData("in the bigger set", "tmdb-movies")]
    [InlineData("in the tmdb 5000 set", "tmdb-5000")]
    [InlineData("the top 10 movies of 2010", null)]
    public void Reads_the_dataset(string message, string? dataset) =>
        Assert.Equal(dataset, QuestionParser.LensOf(message).Dataset);

    [Fact]
    public void A_vote_count_is_no_year() =>
        Assert.Equal(new YearRange(2010, 2010), QuestionParser.YearsOf("movies with at least 2000 votes in 2010"));

    [Fact]
    public void Since_a_year_runs_to_the_datasets_last_year()
    {
        var years = QuestionParser.YearsOf("since 2000")!;

        Assert.True(years.UntilLatest);
        Assert.Equal(new YearRange(2000, 2017), years.Until(2017));
    }

    [Fact]
    public void The_return_on_budget_question_is_a_ranking()
    {
        var question = Assert.IsType<GenreRankingQuestion>(QuestionParser.Parse("Which genre earns the best return on budget since 2000?", Genres));

        Assert.Equal((TrendMeasure.MedianRoi, false, 2000), (question.Lens.Measure, question.Lowest, question.Years!.From));
    }

    [Fact]
    public void The_french_dramas_question_is_a_drill_down_by_rating()
    {
        var question = Assert.IsType<MovieListQuestion>(QuestionParser.Parse("show me the best-rated French dramas of the 90s", Genres));

        Assert.Equal(["Drama"], question.Genres);
        Assert.Equal((new YearRange(1990, 1999), MovieOrder.RatingDesc, QuestionParser.DefaultListLength), (question.Years, question.Order, question.Count));
        Assert.Equal(["fr"], question.Lens.Filter!.Languages);
    }

    [Theory]
    [InlineData("which genre has the shortest movies in the 90s", true)]
    [InlineData("which genre has the cheapest budgets", true)]
    [InlineData("which genre is the best rated", false)]
    public void Reads_which_end_a_ranking_asks_for(string message, bool lowest) =>
        Assert.Equal(lowest, Assert.IsType<GenreRankingQuestion>(QuestionParser.Parse(message, Genres)).Lowest);
}
