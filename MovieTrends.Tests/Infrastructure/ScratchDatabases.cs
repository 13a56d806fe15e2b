using Npgsql;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// A server that makes new, empty databases for tests that must not disturb a shared catalog (importer
/// tests, say). Each lives as long as its server.
/// </summary>
public interface IScratchDatabases
{
    /// <returns>The connection string of the new database.</returns>
    Task<string> CreateScratchDatabaseAsync(CancellationToken cancellationToken = default);
}

public static class ScratchDatabase
{
    /// <param name="server">Any database on the server, to connect to while creating the new one.</param>
    public static async Task<string> CreateAsync(string server, CancellationToken cancellationToken = default)
    {
        var name = $"scratch_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
