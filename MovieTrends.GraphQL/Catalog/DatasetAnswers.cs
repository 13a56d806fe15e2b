using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>
/// One answer per dataset: the dataset argument resolved (UNKNOWN_DATASET otherwise), the answer read under the
/// database's availability watch and kept until the catalog changes. Keyed on the resolved id, so the default
/// dataset asked by name or by omission shares one entry.
/// </summary>
public sealed class DatasetAnswers<TAnswer>(
    CatalogAggregatesStore catalogAggregates,
    DatabaseAvailability availability,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly CatalogAnswerCache<string, TAnswer> _answers = new(changes, telemetry, cacheSettings);

    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <param name="read">Reads the answer of a resolved dataset id.</param>
    /// <exception cref="CatalogQueryException">UNKNOWN_DATASET.</exception>
    public async Task<TAnswer> GetAsync(
        string? dataset, Func<string, CancellationToken, Task<TAnswer>> read, CancellationToken cancellationToken)
    {
        var datasetId = (await catalogAggregates.GetSnapshotAsync(cancellationToken)).Resolve(dataset).Id;
        return await _answers.GetOrReadAsync(datasetId, (availability, read),
            static (state, key, ct) => state.availability.ObserveAsync(() => state.read(key, ct), ct), cancellationToken);
    }
}
