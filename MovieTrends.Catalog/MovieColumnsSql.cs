namespace MovieTrends.Catalog;

/// <summary>
/// What the API's analysis engine reads of one dataset ($1) into memory: its dated movies with the values the
/// measures, filters and orders need, and the movies a ranking picked, by id. The three column statements run in
/// one repeatable-read transaction, so the count sizes the columns exactly for the rows that follow.
/// </summary>
public static class MovieColumnsSql
{
    public const string DatedMovieCount = "SELECT count(*)::int FROM movies WHERE dataset_id = $1 AND release_year IS NOT NULL";

    /// <summary>The dataset's genres, dated movies or not, as the catalog orders them.</summary>
    public const string DatasetGenres = """
        SELECT g.id, g.name
        FROM genres g
        WHERE EXISTS (SELECT 1 FROM movie_genres mg WHERE mg.dataset_id = $1 AND mg.genre_id = g.id)
        ORDER BY g.name
        """;

    /// <summary>
    /// Dated movies by year, then id. A rating is only known with votes; languages compare without case; the title
    /// rank orders titles by code point ("C"), ties by id, as the drill-down's TITLE_ASC does.
    /// </summary>
    public const string DatedMovies = """
        SELECT m.release_year, m.id, m.popularity,
               CASE WHEN m.vote_count > 0 THEN m.vote_average::float8 END,
               m.vote_count, m.runtime, m.budget, m.revenue, lower(m.original_language), m.status = 'Released',
               ARRAY(SELECT mg.genre_id FROM movie_genres mg WHERE mg.dataset_id = $1 AND mg.movie_id = m.id),
               (row_number() OVER (ORDER BY m.title COLLATE "C", m.id))::int - 1
        FROM movies m
        WHERE m.dataset_id = $1 AND m.release_year IS NOT NULL
        ORDER BY m.release_year, m.id
        """;

    /// <summary>
    /// Movies of dataset $1 by id ($2), with everything the API shows of a movie, in the column order of
    /// <see cref="CatalogSql.MostAndLeastPopular"/> (genres sorted by code point, as the ranking stores them).
    /// </summary>
    public const string MoviesById = """
        SELECT m.id, m.title, m.release_date, m.popularity, m.vote_average, m.vote_count, m.overview,
               ARRAY(SELECT g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
                     WHERE mg.dataset_id = $1 AND mg.movie_id = m.id ORDER BY g.name COLLATE "C"),
               m.runtime, m.budget, m.revenue, m.original_language, m.status
        FROM movies m
        WHERE m.dataset_id = $1 AND m.id = ANY($2)
        """;
}
