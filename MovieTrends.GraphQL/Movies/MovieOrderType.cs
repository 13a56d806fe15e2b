using GraphQL.Types;

namespace MovieTrends.GraphQL.Movies;

public sealed class MovieOrderType : EnumerationGraphType<MovieOrder>
{
    public MovieOrderType()
    {
        Name = "MovieOrder";
        Description = "How `movies` orders its list; ties by TMDB id ascending.";
        Describe(MovieOrder.PopularityDesc, "Most popular first (TMDB popularity).");
        Describe(MovieOrder.RatingDesc, "Best rated first; movies without votes (no rating) last.");
        Describe(MovieOrder.RevenueDesc, "Highest revenue first; movies with an unknown revenue last.");
        Describe(MovieOrder.TitleAsc, "By title, A to Z, comparing characters by code point.");
    }

    private void Describe(MovieOrder order, string description) =>
        Values.Single(value => Equals(value.Value, order)).Description = description;
}
