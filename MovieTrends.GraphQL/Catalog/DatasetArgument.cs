using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>The optional <c>dataset</c> argument every catalog question takes.</summary>
public static class DatasetArgument
{
    public const string Name = "dataset";

    public static FieldBuilder<TSource, TReturn> DatasetArgumentAdded<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IdGraphType>(Name, "The dataset to answer from (an id from `datasets`); the default dataset when omitted.");

    public static string? GetDataset(this IResolveFieldContext context) => context.GetArgument<string?>(Name);
}
