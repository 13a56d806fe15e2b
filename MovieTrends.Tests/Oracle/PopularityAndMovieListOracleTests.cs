namespace MovieTrends.Tests.Oracle;

/// <summary>
/// The oracle's filtered <c>popularity</c> and the drill-down list against one-off Python sorts over the raw CSVs
/// (loader and helpers as in <see cref="TrendsOracleTests"/>).
/// </summary>
public sealed class PopularityAndMovieListOracleTests
{
    [Fact]
    public void Popularity_ranks_only_the_movies_that_pass_the_filter()
    {
        // sorted(2010 movies with int(r['vote_count']) > 0 and float(r['vote_average']) >= 7.5, key=(-popularity, id)): 8 movies
        var report = DatasetOracle.Tmdb5000.Popularity(2010, 3, new(MinRating: 7.5));

        Assert.Equal(8, report.MovieCount);
        Assert.Equal(["Inception", "Shutter Island", "How to Train Your Dragon"], report.Top.Select(movie => movie.Title));
        Assert.Equal(["My Name Is Khan", "Inside Job"], report.Bottom.Take(2).Select(movie => movie.Title));
    }

    [Fact]
    public void The_best_rated_French_dramas_of_the_90s()
    {
        // top-10K: r['original_language'].lower() == 'fr', 'Drama' in G(r), 1990..1999, key=(-vote_average, id): 21 movies
        var list = DatasetOracle.Top10k.MovieList(1990, 1999, "drama", new(Languages: ["fr"]), OracleOrder.RatingDesc);

        Assert.Equal(21, list.TotalCount);
        Assert.Equal(["La Haine", "Three Colors: Red", "Three Colors: Blue"], list.Movies.Take(3).Select(movie => movie.Title));
    }

    [Fact]
    public void French_movies_with_at_least_100_votes()
    {
        // tmdb-5000: sum(r['original_language'] == 'fr' and int(r['vote_count']) >= 100 for r in m.values())
        Assert.Equal(38, DatasetOracle.Tmdb5000.MovieList(1916, 2017, filter: new(Languages: ["fr"], MinVotes: 100)).TotalCount);
    }

    [Fact]
    public void Revenue_order_puts_unknown_revenues_last_by_id()
    {
        // tmdb-5000 Science Fiction 2012, key=(-(revenue if revenue > 0 else -inf), id): 22 movies
        var list = DatasetOracle.Tmdb5000.MovieList(2012, 2012, "Science Fiction", order: OracleOrder.RevenueDesc);

        Assert.Equal(22, list.TotalCount);
        Assert.Equal(["The Avengers", "The Hunger Games", "Men in Black 3"], list.Movies.Take(3).Select(movie => movie.Title));
        Assert.Equal(["U.F.O.", "Vessel"], list.Movies.TakeLast(2).Select(movie => movie.Title));
    }

    [Fact]
    public void Title_order_is_ordinal()
    {
        // sorted(1999 movies, key=(title, id)): 171 movies; Python compares code points, as an ordinal comparison does
        var list = DatasetOracle.Tmdb5000.MovieList(1999, 1999, order: OracleOrder.TitleAsc);

        Assert.Equal(171, list.TotalCount);
        Assert.Equal(["10 Things I Hate About You", "200 Cigarettes", "8MM"], list.Movies.Take(3).Select(movie => movie.Title));
    }

    [Fact]
    public void Pages_cover_the_list_once_and_only_the_last_has_no_next_page()
    {
        var list = DatasetOracle.Top10k.MovieList(1990, 1999, "Drama", new(Languages: ["fr"]), OracleOrder.RatingDesc);
        var pages = list.Pages(first: 8);

        Assert.Equal([8, 8, 5], pages.Select(page => page.Nodes.Count));
        Assert.Equal([true, true, false], pages.Select(page => page.HasNextPage));
        Assert.Equal(list.Movies, pages.SelectMany(page => page.Nodes));
        Assert.Equal([false], DatasetOracle.Top10k.MovieList(1850, 1850).Pages(20).Select(page => page.HasNextPage));
        Assert.Equal(OracleError.InvalidLimit, Assert.Throws<OracleError>(() => list.Pages(0)).Code);
        Assert.Equal(OracleError.InvalidLimit, Assert.Throws<OracleError>(() => list.Pages(101)).Code);
    }
}
