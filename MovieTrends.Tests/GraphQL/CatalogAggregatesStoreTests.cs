using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Trends;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Ingest;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The trend aggregates held in memory, read from a scratch catalog filled through the real importer:
/// ranges are cut right at the catalog's edges, and an import shows only once it is notified.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class CatalogAggregatesStoreTests(ScratchDatabaseServer server) : IAsyncLifetime
{
    private CatalogDatabase _database = null!;
    private string _files = "";

    public async Task InitializeAsync()
    {
        _database = await CatalogDatabase.CreateAsync(server);
        _files = Directory.CreateTempSubdirectory("movietrends-aggregates-").FullName;
    }

    [Fact]
    public async Task An_empty_catalog_has_no_series_and_zero_totals()
    {
        var store = new CatalogAggregatesStore(_database.DataSource, new CatalogChanges(), Availability(_database));

        var trends = (await store.GetAsync(CancellationToken.None)).Slice(2000, 2002, null);

        Assert.Equal([2000, 2001, 2002], trends.Years);
        Assert.Empty(trends.Series);
        Assert.Equal([0, 0, 0], trends.Totals);
    }

    [Fact]
    public async Task Ranges_reaching_past_the_catalogs_years_are_zeros_there()
    {
        await ImportAsync("catalog.csv.gz", Drama(1, 2001), Drama(2, 2001), Comedy(3, 1999));
        var store = new CatalogAggregatesStore(_database.DataSource, new CatalogChanges(), Availability(_database));

        var trends = (await store.GetAsync(CancellationToken.None)).Slice(1995, 2005, null);

        Assert.Equal(["Drama", "Comedy"], trends.Series.Select(series => series.Genre));
        Assert.Equal([0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0], trends.Series[0].Counts);
        Assert.Equal([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], trends.Series[1].Counts);
        Assert.Equal([0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0], trends.Totals);
    }

    [Fact]
    public async Task Requested_genres_without_movies_in_the_range_are_zeros_and_unrequested_ones_are_left_out()
    {
        await ImportAsync("catalog.csv.gz", Drama(1, 2001), Comedy(2, 1999));
        var store = new CatalogAggregatesStore(_database.DataSource, new CatalogChanges(), Availability(_database));
        var aggregates = await store.GetAsync(CancellationToken.None);

        var trends = aggregates.Slice(2000, 2002, ["Comedy"]);

        Assert.Equal(["Comedy", "Drama"], aggregates.GenreNames);
        var comedy = Assert.Single(trends.Series);
        Assert.Equal(("Comedy", 0), (comedy.Genre, comedy.Total));
        Assert.Equal([0, 0, 0], comedy.Counts);
        Assert.Equal([0, 1, 0], trends.Totals);
    }

    [Fact]
    public async Task An_import_shows_once_it_is_notified()
    {
        await ImportAsync("first.csv.gz", Drama(1, 2001), Drama(2, 2001));
        var changes = new CatalogChanges();
        var store = new CatalogAggregatesStore(_database.DataSource, changes, Availability(_database));
        var before = await store.GetAsync(CancellationToken.None);

        await ImportAsync("second.csv.gz", Comedy(3, 2002));
        Assert.Same(before, await store.GetAsync(CancellationToken.None));

        changes.NotifyChanged();
        var after = (await store.GetAsync(CancellationToken.None)).Slice(2000, 2002, null);

        Assert.Equal(["Drama", "Comedy"], after.Series.Select(series => series.Genre));
        Assert.Equal([0, 0, 1], after.Series[1].Counts);
        Assert.Equal([0, 2, 1], after.Totals);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    private static TinyCatalogFile.Movie Drama(int id, int year) => new(id, $"Drama {id}", 18, "Drama", new DateOnly(year, 3, 1), id);

    private static TinyCatalogFile.Movie Comedy(int id, int year) => new(id, $"Comedy {id}", 35, "Comedy", new DateOnly(year, 3, 1), id);

    private async Task ImportAsync(string fileName, params TinyCatalogFile.Movie[] movies) =>
        await _database.ImportAsync(await TinyCatalogFile.WriteAsync(_files, fileName, movies));

    private static DatabaseAvailability Availability(CatalogDatabase database) =>
        new(database.DataSource, NullLogger<DatabaseAvailability>.Instance);
}
