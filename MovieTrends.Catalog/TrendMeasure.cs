namespace MovieTrends.Catalog;

/// <summary>What a genre trend counts or summarizes per genre and year (issue 13's measures).</summary>
public enum TrendMeasure
{
    Movies,
    Share,
    AverageRating,
    MedianRuntime,
    MedianBudget,
    MedianRevenue,
    TotalRevenue,
    MedianRoi,
}
