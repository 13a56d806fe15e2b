using GraphQL.Types;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Datasets;

public sealed class TrendMeasureType : EnumerationGraphType<TrendMeasure>
{
    public TrendMeasureType()
    {
        Name = "TrendMeasure";
        Description = "What a genre trend shows per genre and year.";
        Describe(TrendMeasure.Movies, "Movies of the genre.");
        Describe(TrendMeasure.Share, "Percent of the year's movies that have the genre.");
        Describe(TrendMeasure.AverageRating, "Mean TMDB rating over movies with votes.");
        Describe(TrendMeasure.MedianRuntime, "Median runtime in minutes over movies with a known runtime.");
        Describe(TrendMeasure.MedianBudget, "Median budget in nominal US dollars over movies with a known budget.");
        Describe(TrendMeasure.MedianRevenue, "Median revenue in nominal US dollars over movies with a known revenue.");
        Describe(TrendMeasure.TotalRevenue, "Total revenue in nominal US dollars over movies with a known revenue.");
        Describe(TrendMeasure.MedianRoi, "Median revenue divided by budget over movies with both known.");
    }

    private void Describe(TrendMeasure measure, string description) =>
        Values.Single(value => Equals(value.Value, measure)).Description = description;
}
