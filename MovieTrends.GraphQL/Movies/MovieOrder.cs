namespace MovieTrends.GraphQL.Movies;

/// <summary>How the drill-down list is ordered; every order breaks ties by TMDB id ascending.</summary>
public enum MovieOrder
{
    PopularityDesc,
    RatingDesc,
    RevenueDesc,
    TitleAsc,
}
