namespace MovieTrends.Catalog;

/// <summary>
/// The catalog's SQL, per dataset (<c>$1</c> or <c>dataset_id</c>: datasets never mix). Trends read only the
/// per-year aggregates maintained at import (whole, into memory), and popularity reads the per-year ranking
/// maintained at import, so the cost stays flat as the catalog grows.
/// </summary>
public static class CatalogSql
{
    public const string Genres = "SELECT id, name FROM genres ORDER BY name";

    /// <summary>Which genres each dataset's movies have, dated or not: a few dozen index probes.</summary>
    public const string DatasetGenres = """
        SELECT d.id, g.id
        FROM datasets d
        CROSS JOIN genres g
        WHERE EXISTS (SELECT 1 FROM movie_genres mg WHERE mg.dataset_id = d.id AND mg.genre_id = g.id)
        """;

    public const string GenreYearCounts = "SELECT dataset_id, genre_id, year, movie_count FROM genre_year_counts WHERE movie_count > 0";

    public const string YearCounts = "SELECT dataset_id, year, movie_count FROM year_counts";

    /// <summary>
    /// The year's most popular movies of dataset $1, then its least popular, from the ranking every import
    /// maintains (ranks 1..<see cref="PopularityRanking.Depth"/>, genres sorted): one short range of the primary key.
    /// </summary>
    public const string MostAndLeastPopular = """
        SELECT movie_id, title, release_date, popularity, vote_average, vote_count, overview, genres,
               runtime, budget, revenue, original_language, status
        FROM year_popularity
        WHERE dataset_id = $1 AND year = $2 AND rank <= $3
        ORDER BY from_top DESC, rank
        """;

    public const string GenreSummaries = """
        SELECT g.name, count(mg.movie_id)::int
        FROM genres g
        JOIN movie_genres mg ON mg.genre_id = g.id AND mg.dataset_id = $1
        GROUP BY g.name
        ORDER BY 2 DESC, 1
        """;

    public const string CatalogSummary = """
        SELECT (SELECT count(*) FROM movies WHERE dataset_id = $1)::int,
               (SELECT count(*) FROM movies WHERE dataset_id = $1 AND release_year IS NULL)::int,
               (SELECT count(*) FROM genres g
                WHERE EXISTS (SELECT 1 FROM movie_genres mg WHERE mg.dataset_id = $1 AND mg.genre_id = g.id))::int,
               coalesce((SELECT min(year) FROM year_counts WHERE dataset_id = $1), 0)::int,
               coalesce((SELECT max(year) FROM year_counts WHERE dataset_id = $1), 0)::int,
               ARRAY(SELECT DISTINCT source FROM movies WHERE dataset_id = $1 ORDER BY 1),
               (SELECT max(imported_at) FROM imports WHERE dataset_id = $1)
        """;
}
