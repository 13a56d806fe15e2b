using MovieTrends.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;
using Npgsql;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>What a dataset holds and where it came from, read once per dataset and kept until the catalog changes.</summary>
public sealed class CatalogSummaryReader(
    NpgsqlDataSource dataSource,
    CatalogAggregatesStore catalogAggregates,
    DatabaseAvailability availability,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly DatasetAnswers<CatalogSummary> _answers = new(catalogAggregates, availability, changes, telemetry, cacheSettings);

    public Task<CatalogSummary> ReadAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">UNKNOWN_DATASET.</exception>
    public Task<CatalogSummary> ReadAsync(string? dataset, CancellationToken cancellationToken) =>
        _answers.GetAsync(dataset, ReadSummaryAsync, cancellationToken);

    private async Task<CatalogSummary> ReadSummaryAsync(string dataset, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.CatalogSummary);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CatalogSummary(
            MovieCount: reader.GetInt32(0),
            UndatedCount: reader.GetInt32(1),
            GenreCount: reader.GetInt32(2),
            FirstYear: reader.GetInt32(3),
            LastYear: reader.GetInt32(4),
            Sources: reader.GetFieldValue<string[]>(5),
            LastImportAt: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
    }
}
