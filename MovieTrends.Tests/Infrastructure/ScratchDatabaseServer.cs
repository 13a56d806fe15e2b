using MovieTrends.Tests.Faults;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>A private PostgreSQL server for tests that only need scratch databases, not the app.</summary>
public sealed class ScratchDatabaseServer : IAsyncLifetime, IScratchDatabases
{
    private PrivatePostgres? _server;

    public Task<string> CreateScratchDatabaseAsync(CancellationToken cancellationToken = default) =>
        ScratchDatabase.CreateAsync(
            (_server ?? throw new InvalidOperationException("The server has not started.")).ConnectionString("postgres"),
            cancellationToken);

    public async Task InitializeAsync() => _server = await PrivatePostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
