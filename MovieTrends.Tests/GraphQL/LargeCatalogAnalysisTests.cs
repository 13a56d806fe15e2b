using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Bench;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using Npgsql;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The analysis engine at scale: a synthetic catalog generated as the benchmark generates its million movies (a
/// sixth of it here, to keep the fast layer fast), imported through the real importer, then whole-range medians
/// and a filtered ranking over it, against the oracle reading the generated file. No timing: speed is the
/// benchmark's business; this proves the large path answers, and answers right. One import for all the questions
/// (xUnit makes a new instance per test, so they are one test).
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class LargeCatalogAnalysisTests(ScratchDatabaseServer server) : IAsyncLifetime
{
    private const int Movies = 160_000;

    private readonly SyntheticCatalogFile _file = new(Movies, seed: 13);
    private InProcessGraphQLService _service = null!;
    private DatasetOracle _oracle = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await server.CreateScratchDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            await new CatalogImporter(dataSource, NullLogger<CatalogImporter>.Instance).ImportAsync(_file.Path);
        }

        // The generator writes the TMDB 5000 layout, so the movies land in that dataset, the default.
        _oracle = DatasetOracle.FromFile("tmdb-5000", _file.Path);
        _service = await InProcessGraphQLService.StartAsync(connectionString);
    }

    [Fact]
    public async Task Whole_range_measures_and_a_crowded_years_ranking_with_filters_match_the_generated_file()
    {
        Assert.Equal(Movies, _oracle.MovieCount);
        var filter = new OracleFilter(Languages: ["en", "FR"], MinVotes: 20, ReleasedOnly: true);
        foreach (var measure in new[] { OracleMeasure.MedianBudget, OracleMeasure.MedianRoi, OracleMeasure.AverageRating })
        {
            var trends = (await new GraphQLTestClient(_service.Client).DataAsync("""
                query($from: Int!, $to: Int!, $measure: TrendMeasure!, $filter: MovieFilter) {
                  genreTrends(from: $from, to: $to, measure: $measure, filter: $filter) { measure years totals series { genre counts total known values } }
                }
                """, new { from = _oracle.FirstYear, to = _oracle.LastYear, measure = measure.GraphQLName(), filter = filter.Variable() }))
                .GetProperty("genreTrends");

            OracleAssert.GenreTrendsMeasure(_oracle.GenreTrends(_oracle.FirstYear, _oracle.LastYear, measure: measure, filter: filter), trends);
        }

        await AssertFilteredRankingAsync(2010, new OracleFilter(MinRating: 7));
    }

    private async Task AssertFilteredRankingAsync(int year, OracleFilter filter)
    {
        var answer = (await new GraphQLTestClient(_service.Client).DataAsync("""
            query($year: Int!, $filter: MovieFilter) { popularity(year: $year, limit: 50, filter: $filter) { movieCount top { id } bottom { id } } }
            """, new { year, filter = filter.Variable() })).GetProperty("popularity");
        var expected = _oracle.Popularity(year, 50, filter);

        Assert.True(expected.MovieCount > 1_000, $"{year} has only {expected.MovieCount} passing movies: not a crowded year");
        Assert.Equal(expected.MovieCount, answer.GetProperty("movieCount").GetInt32());
        Assert.Equal(expected.Top.Select(movie => movie.Id), answer.GetProperty("top").EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32()));
        Assert.Equal(expected.Bottom.Select(movie => movie.Id), answer.GetProperty("bottom").EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32()));
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _file.Dispose();
    }
}
