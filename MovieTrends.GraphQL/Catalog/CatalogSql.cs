namespace MovieTrends.GraphQL.Catalog;

/// <summary>
/// The catalog's SQL. Trends read only the per-year aggregates maintained at import (whole, into memory),
/// and popularity reads the (release_year, popularity desc, id) index, so the cost stays flat as the catalog grows.
/// </summary>
internal static class CatalogSql
{
    public const string Genres = "SELECT id, name FROM genres ORDER BY name";

    public const string GenreYearCounts = "SELECT genre_id, year, movie_count FROM genre_year_counts WHERE movie_count > 0";

    public const string YearCounts = "SELECT year, movie_count FROM year_counts";

    // Sorting each movie's few genre names here would cost the statement several times over; the reader sorts them.
    private const string MovieColumns = """
        SELECT m.id, m.title, m.release_date, m.popularity, m.vote_average, m.vote_count, m.overview,
               ARRAY(SELECT g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id WHERE mg.movie_id = m.id)
        FROM movies m
        WHERE m.release_year = $1
        """;

    /// <summary>The year's most popular movies, then its least popular, in one round trip.</summary>
    public const string MostAndLeastPopular = $"""
        ({MovieColumns} ORDER BY m.popularity DESC, m.id LIMIT $2)
        UNION ALL
        ({MovieColumns} ORDER BY m.popularity, m.id LIMIT $2)
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
