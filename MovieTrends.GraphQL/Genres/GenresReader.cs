using MovieTrends.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;
using Npgsql;

namespace MovieTrends.GraphQL.Genres;

/// <summary>Every genre with its movie count, read once and kept until the catalog changes.</summary>
public sealed class GenresReader(
    NpgsqlDataSource dataSource,
    DatabaseAvailability availability,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly CatalogAnswerCache<bool, IReadOnlyList<GenreSummary>> _answer = new(changes, telemetry, cacheSettings);

    public Task<IReadOnlyList<GenreSummary>> ReadAsync(CancellationToken cancellationToken) =>
        _answer.GetOrReadAsync(true, this, static (reader, _, ct) => reader.ReadObservedAsync(ct), cancellationToken);

    private Task<IReadOnlyList<GenreSummary>> ReadObservedAsync(CancellationToken cancellationToken) =>
        availability.ObserveAsync(() => ReadGenresAsync(cancellationToken));

    private async Task<IReadOnlyList<GenreSummary>> ReadGenresAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.GenreSummaries);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var genres = new List<GenreSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            genres.Add(new GenreSummary(reader.GetString(0), reader.GetInt32(1)));
        }

        return genres;
    }
}
