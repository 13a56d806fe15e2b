using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Trends;

/// <summary>The datasets and each one's aggregates, as one read of the catalog found them.</summary>
public sealed class CatalogSnapshot(IReadOnlyList<Dataset> datasets, IReadOnlyDictionary<string, CatalogAggregates> aggregates)
{
    public IReadOnlyList<Dataset> Datasets => datasets;

    /// <summary>The dataset the <c>dataset</c> argument names; null names the default one.</summary>
    /// <exception cref="CatalogQueryException">UNKNOWN_DATASET.</exception>
    public Dataset Resolve(string? id)
    {
        foreach (var dataset in datasets)
        {
            if (id is null ? dataset.IsDefault : dataset.Id == id)
            {
                return dataset;
            }
        }

        throw CatalogQueryException.UnknownDataset(id, datasets);
    }

    /// <exception cref="CatalogQueryException">UNKNOWN_DATASET.</exception>
    public CatalogAggregates Aggregates(string? id) => aggregates[Resolve(id).Id];
}
