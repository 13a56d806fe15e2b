using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Ingest.Import;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Bench;

/// <summary>
/// The benchmark loads its synthetic catalog through the product's own import path; this proves that path
/// takes the generated file whole, into a scratch database on the shared fixture's server.
/// Expected figures come from reading the generated file in the test.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class SyntheticCatalogImportTests(ScratchDatabaseServer server)
{
    [Fact]
    public async Task A_synthetic_catalog_imports_every_movie_genre_and_yearly_count()
    {
        using var file = new SyntheticCatalogFile(3_000, seed: 11);
        var movies = TmdbMovieFile.Read(file.Path);
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateScratchDatabaseAsync());
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync();

        var summary = await new CatalogImporter(dataSource, NullLogger<CatalogImporter>.Instance).ImportAsync(file.Path);

        Assert.Equal((movies.Count, movies.Count, 0), (summary.RowsRead, summary.Inserted, summary.RowsSkipped));
        Assert.Equal(movies.Count, await ScalarAsync(dataSource, "SELECT count(*) FROM movies"));
        Assert.Equal(movies.Count(movie => movie.Year is null), await ScalarAsync(dataSource, "SELECT count(*) FROM movies WHERE release_year IS NULL"));
        Assert.Equal(movies.Sum(movie => movie.Genres.Count), await ScalarAsync(dataSource, "SELECT count(*) FROM movie_genres"));

        var perYear = movies.Where(movie => movie.Year is not null).CountBy(movie => movie.Year!.Value).OrderBy(pair => pair.Key);
        Assert.Equal(perYear, await PairsAsync<int>(dataSource, "SELECT year, movie_count FROM year_counts WHERE movie_count > 0 ORDER BY year"));

        var perGenreAndYear = movies.Where(movie => movie.Year is not null)
            .SelectMany(movie => movie.Genres.Select(genre => $"{genre}/{movie.Year}"))
            .CountBy(key => key)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal);
        Assert.Equal(perGenreAndYear, await PairsAsync<string>(dataSource, """
            SELECT g.name || '/' || c.year AS key, c.movie_count FROM genre_year_counts c JOIN genres g ON g.id = c.genre_id
            WHERE c.movie_count > 0 ORDER BY (g.name || '/' || c.year) COLLATE "C"
            """));
    }

    private static async Task<int> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<KeyValuePair<T, int>>> PairsAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var pairs = new List<KeyValuePair<T, int>>();
        while (await reader.ReadAsync())
        {
            pairs.Add(new KeyValuePair<T, int>((T)Convert.ChangeType(reader.GetValue(0), typeof(T), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt32(1)));
        }

        return pairs;
    }
}
