namespace MovieTrends.Catalog;

/// <summary>
/// The catalog's SQL. Trends read only the per-year aggregates maintained at import (whole, into memory),
/// and popularity reads the per-year ranking maintained at import, so the cost stays flat as the catalog grows.
/// </summary>
public static class CatalogSql
{
    public const string Genres = "SELECT id, name FROM genres ORDER BY name";

    public const string GenreYearCounts = "SELECT genre_id, year, movie_count FROM genre_year_counts WHERE movie_count > 0";

    public const string YearCounts = "SELECT year, movie_count FROM year_counts";

    /// <summary>
    /// The year's most popular movies, then its least popular, from the ranking every import maintains
    /// (ranks 1..<see cref="PopularityRanking.Depth"/>, genres sorted): one short range of the primary key.
    /// </summary>
    public const string MostAndLeastPopular = """
        SELECT movie_id, title, release_date, popularity, vote_average, vote_count, overview, genres
        FROM year_popularity
        WHERE year = $1 AND rank <= $2
        ORDER BY from_top DESC, rank
        """;

    public const string GenreSummaries = """
        SELECT g.name, count(mg.movie_id)::int
        FROM genres g
        LEFT JOIN movie_genres mg ON mg.genre_id = g.id
        GROUP BY g.name
        ORDER BY 2 DESC, 1
        """;

    public const string CatalogSummary = """
        SELECT (SELECT count(*) FROM movies)::int,
               (SELECT count(*) FROM movies WHERE release_year IS NULL)::int,
               (SELECT count(*) FROM genres)::int,
               coalesce((SELECT min(year) FROM year_counts), 0)::int,
               coalesce((SELECT max(year) FROM year_counts), 0)::int,
               ARRAY(SELECT DISTINCT source FROM movies ORDER BY 1),
               (SELECT max(imported_at) FROM imports)
        """;
}
