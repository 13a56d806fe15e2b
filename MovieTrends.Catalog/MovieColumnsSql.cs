namespace MovieTrends.Catalog;

/// <summary>
/// What the API's analysis engine reads of one dataset ($1) into memory: its dated movies with the values the
/// measures, filters and orders need, and the movies a ranking picked, by id. The column statements run in one
/// repeatable-read transaction and none of them sorts wide rows: movies and their genres come in primary-key
/// order and are merged and placed by year in memory, sized exactly by the year counts every import maintains.
/// </summary>
public static class MovieColumnsSql
{
    /// <summary>A bulk read, not a request: no JIT compilation to pay for, and room to sort the titles in memory.</summary>
    public const string BulkReadSettings = "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'";

    /// <summary>The dataset's genres, dated movies or not, as the catalog orders them.</summary>
    public const string DatasetGenres = """
        SELECT g.id, g.name
        FROM genres g
        WHERE EXISTS (SELECT 1 FROM movie_genres mg WHERE mg.dataset_id = $1 AND mg.genre_id = g.id)
        ORDER BY g.name
        """;

    /// <summary>Dated movies per year, from the aggregates each import rebuilds with the movies.</summary>
    public const string YearCounts = "SELECT year, movie_count FROM year_counts WHERE dataset_id = $1 AND movie_count > 0 ORDER BY year";

    /// <summary>Every movie's genres by movie id: the primary key's order.</summary>
    public const string MovieGenres = "SELECT movie_id, genre_id FROM movie_genres WHERE dataset_id = $1 ORDER BY movie_id";

    /// <summary>Dated movies by id (the primary key's order). A rating is only known with votes; languages compare without case.</summary>
    public const string DatedMovies = """
        SELECT release_year, id, popularity,
               CASE WHEN vote_count > 0 THEN vote_average::float8 END,
               vote_count, runtime, budget, revenue, lower(original_language), status = 'Released'
        FROM movies
        WHERE dataset_id = $1 AND release_year IS NOT NULL
        ORDER BY id
        """;

    /// <summary>Dated movies by title in code point order ("C"), ties by id, as the drill-down's TITLE_ASC orders them.</summary>
    public const string DatedMoviesByTitle = """
        SELECT release_year, id
        FROM movies
        WHERE dataset_id = $1 AND release_year IS NOT NULL
        ORDER BY title COLLATE "C", id
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
