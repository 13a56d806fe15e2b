using MovieTrends.Tests.Faults;
using Npgsql;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server that makes new, empty databases, for tests that each own every row they look at
/// (importer tests, say) and need no app. Each database lives as long as the server.
/// </summary>
public sealed class ScratchDatabaseServer : IAsyncLifetime
{
    private PrivatePostgres? _server;

    /// <returns>The connection string of the new database.</returns>
    public async Task<string> CreateScratchDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var server = (_server ?? throw new InvalidOperationException("The server has not started.")).ConnectionString("postgres");
        var name = $"scratch_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task InitializeAsync() => _server = await PrivatePostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
