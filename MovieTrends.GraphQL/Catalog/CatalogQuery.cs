using GraphQL.Types;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Catalog;

public static class CatalogQuery
{
    public static void AddCatalogField(this ObjectGraphType query, CatalogSummaryReader summary) =>
        query.Field<NonNullGraphType<CatalogType>>("catalog")
            .Description("Counts and provenance of the whole catalog.")
            .DatasetArgumentAdded()
            .ResolveAsync(async context => await summary.ReadAsync(context.GetDataset(), context.CancellationToken));
}
