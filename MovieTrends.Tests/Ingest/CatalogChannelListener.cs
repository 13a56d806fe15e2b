using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.Tests.Ingest;

/// <summary>
/// Listens on the catalog channel as the API does and tells which imports announced themselves. Without waiting
/// on a clock: a notification of the listener's own, sent after the imports committed, arrives after theirs
/// (PostgreSQL delivers notifications in commit order), so once it is heard every earlier one was.
/// </summary>
public sealed class CatalogChannelListener : IAsyncDisposable
{
    private const string Marker = "heard-up-to-here";

    private readonly NpgsqlConnection _connection;
    private readonly List<string> _payloads = [];

    private CatalogChannelListener(NpgsqlConnection connection)
    {
        _connection = connection;
        _connection.Notification += (_, notification) => _payloads.Add(notification.Payload);
    }

    public static async Task<CatalogChannelListener> StartAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var listen = new NpgsqlCommand($"LISTEN {CatalogChannel.Name}", connection);
        await listen.ExecuteNonQueryAsync();
        return new CatalogChannelListener(connection);
    }

    /// <returns>The payloads (import ids) heard since the last call, in commit order.</returns>
    public async Task<List<string>> HeardAsync(string connectionString)
    {
        await using (var sender = new NpgsqlConnection(connectionString))
        {
            await sender.OpenAsync();
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{CatalogChannel.Name}', '{Marker}')", sender);
            await notify.ExecuteNonQueryAsync();
        }

        while (!_payloads.Contains(Marker))
        {
            await _connection.WaitAsync();
        }

        var heard = _payloads.TakeWhile(payload => payload != Marker).ToList();
        _payloads.Clear();
        return heard;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
