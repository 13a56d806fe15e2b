using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog.Migrations;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The movie columns are read ahead of requests: right after start-up and again after an import, with no request
/// asking, so the first measure question finds them in place. Watched through the store's read signal.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class MovieColumnsWarmUpTests(ScratchDatabaseServer server) : IAsyncLifetime
{
    // The default dataset: the tiny files are written in its layout.
    private const string Dataset = "tmdb-5000";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private string _scratch = "";
    private string _files = "";

    public async Task InitializeAsync()
    {
        _scratch = await server.CreateScratchDatabaseAsync();
        _files = Directory.CreateTempSubdirectory("movietrends-warmup-").FullName;
        await using var dataSource = NpgsqlDataSource.Create(_scratch);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await ImportAsync(dataSource, "first.csv.gz", Movies(2));
    }

    [Fact]
    public async Task Columns_are_read_after_start_up_and_after_an_import_without_any_request()
    {
        await using var service = await InProcessGraphQLService.StartAsync(_scratch);
        var store = service.Services.GetRequiredService<MovieColumnsStore>();

        var started = await ReadWithAsync(store, movieCount: 2);
        Assert.Equal([1, 2], started.Ids.ToArray());

        await using (var dataSource = NpgsqlDataSource.Create(_scratch))
        {
            await ImportAsync(dataSource, "second.csv.gz", Movies(5));
        }

        var imported = await ReadWithAsync(store, movieCount: 5);
        Assert.Equal([1, 2, 3, 4, 5], imported.Ids.ToArray());
        Assert.True(imported.ReadAt > started.ReadAt, "The columns after the import were read at a later catalog version.");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_files, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Waits, within <see cref="Bound"/>, for the store to have read the dataset's columns holding that many movies.</summary>
    private static async Task<MovieColumns> ReadWithAsync(MovieColumnsStore store, int movieCount)
    {
        var read = new TaskCompletionSource<MovieColumns>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRead(string dataset, MovieColumns columns)
        {
            if (dataset == Dataset && columns.Count == movieCount)
            {
                read.TrySetResult(columns);
            }
        }

        store.ColumnsRead += OnRead;
        try
        {
            // A read that finished before the subscription counts too.
            if (store.LastRead(Dataset) is { } last && last.Count == movieCount)
            {
                return last;
            }

            return await read.Task.WaitAsync(Bound);
        }
        finally
        {
            store.ColumnsRead -= OnRead;
        }
    }

    private static TinyCatalogFile.Movie[] Movies(int count) =>
        [.. Enumerable.Range(1, count).Select(id => new TinyCatalogFile.Movie(id, $"Film {id}", 18, "Drama", new DateOnly(2001, 5, id), 10.0 + id))];

    private async Task ImportAsync(NpgsqlDataSource dataSource, string fileName, TinyCatalogFile.Movie[] movies)
    {
        var path = await TinyCatalogFile.WriteAsync(_files, fileName, movies);
        await new CatalogImporter(dataSource, NullLogger<CatalogImporter>.Instance).ImportAsync(path);
    }
}
