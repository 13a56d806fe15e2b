using System.Globalization;
using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Catalog;

public sealed class CatalogType : ObjectGraphType<CatalogSummary>
{
    public CatalogType()
    {
        Name = "Catalog";
        Description = "What the catalog holds and where it came from.";

        Field<NonNullGraphType<IntGraphType>>("movieCount")
            .Description("Movies in the catalog, dated or not.")
            .Resolve(context => context.Source.MovieCount);
        Field<NonNullGraphType<IntGraphType>>("undatedCount")
            .Description("Movies without a release date; they are left out of trends and popularity.")
            .Resolve(context => context.Source.UndatedCount);
        Field<NonNullGraphType<IntGraphType>>("genreCount")
            .Description("Genres in the catalog.")
            .Resolve(context => context.Source.GenreCount);
        Field<NonNullGraphType<IntGraphType>>("firstYear")
            .Description("Earliest release year (0 when the catalog is empty).")
            .Resolve(context => context.Source.FirstYear);
        Field<NonNullGraphType<IntGraphType>>("lastYear")
            .Description("Latest release year (0 when the catalog is empty).")
            .Resolve(context => context.Source.LastYear);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sources")
            .Description("The layouts of the files the movies were imported from.")
            .Resolve(context => context.Source.Sources);
        Field<StringGraphType>("lastImportAt")
            .Description("When the last import finished, ISO 8601 in UTC; null before the first import.")
            .Resolve(context => context.Source.LastImportAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
