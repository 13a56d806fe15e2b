using MovieTrends.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;
using Npgsql;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>What the catalog holds and where it came from, read once and kept until the catalog changes.</summary>
public sealed class CatalogSummaryReader(
    NpgsqlDataSource dataSource,
    DatabaseAvailability availability,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly CatalogAnswerCache<bool, CatalogSummary> _answer = new(changes, telemetry, cacheSettings);

    public Task<CatalogSummary> ReadAsync(CancellationToken cancellationToken) =>
        _answer.GetOrReadAsync(true, this, static (reader, _, ct) => reader.ReadObservedAsync(ct), cancellationToken);

    private Task<CatalogSummary> ReadObservedAsync(CancellationToken cancellationToken) =>
        availability.ObserveAsync(() => ReadSummaryAsync(cancellationToken));

    private async Task<CatalogSummary> ReadSummaryAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.CatalogSummary);
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
