using GraphQL.Types;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Datasets;

public static class DatasetsQuery
{
    public static void AddDatasetsField(this ObjectGraphType query, CatalogAggregatesStore catalogAggregates) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DatasetType>>>>("datasets")
            .Description("The datasets the catalog holds side by side, the default first.")
            .ResolveAsync(async context => (await catalogAggregates.GetSnapshotAsync(context.CancellationToken)).Datasets);
}
