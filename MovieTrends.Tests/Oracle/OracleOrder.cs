namespace MovieTrends.Tests.Oracle;

/// <summary>The <c>MovieOrder</c> values of issue 13; every order breaks ties by TMDB id ascending.</summary>
public enum OracleOrder
{
    PopularityDesc,
    RatingDesc,
    RevenueDesc,
    TitleAsc,
}
