using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;
using Npgsql;

namespace MovieTrends.GraphQL.Genres;

/// <summary>Every genre of a dataset with its movie count, read once per dataset and kept until the catalog changes.</summary>
public sealed class GenresReader(
    NpgsqlDataSource dataSource,
    CatalogAggregatesStore catalogAggregates,
    DatabaseAvailability availability,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly DatasetAnswers<IReadOnlyList<GenreSummary>> _answers = new(catalogAggregates, availability, changes, telemetry, cacheSettings);

    public Task<IReadOnlyList<GenreSummary>> ReadAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">UNKNOWN_DATASET.</exception>
    public Task<IReadOnlyList<GenreSummary>> ReadAsync(string? dataset, CancellationToken cancellationToken) =>
        _answers.GetAsync(dataset, ReadGenresAsync, cancellationToken);

    private async Task<IReadOnlyList<GenreSummary>> ReadGenresAsync(string dataset, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.GenreSummaries);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var genres = new List<GenreSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            genres.Add(new GenreSummary(reader.GetString(0), reader.GetInt32(1)));
        }

        return genres;
    }
}
