using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Datasets;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>The <c>measure</c> and <c>filter</c> arguments of the analysis questions.</summary>
public static class AnalysisArgument
{
    public const string Measure = "measure";
    public const string Filter = "filter";

    public static FieldBuilder<TSource, TReturn> MeasureArgumentAdded<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<NonNullGraphType<TrendMeasureType>>(Measure, argument =>
        {
            argument.Description = "What `values` hold per genre and year; MEASURE_UNAVAILABLE when the dataset has no data for it (see `Dataset.measures`).";
            argument.DefaultValue = TrendMeasure.Movies;
        });

    public static FieldBuilder<TSource, TReturn> FilterArgumentAdded<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<MovieFilterInputType>(Filter, "Only movies that pass this filter; every movie when omitted.");

    public static TrendMeasure GetMeasure(this IResolveFieldContext context) => context.GetArgument(Measure, TrendMeasure.Movies);

    public static MovieFilter? GetFilter(this IResolveFieldContext context) => context.GetArgument<MovieFilter?>(Filter);
}
