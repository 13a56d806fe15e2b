-- The three bundled files side by side as datasets, and the movie columns the measures and filters read.
-- TMDB popularity is on a different scale in each file and ids repeat across files, so every table the API
-- reads is keyed by dataset: nothing mixes datasets.

CREATE TABLE datasets (
    id          text     PRIMARY KEY,                     -- also the layout name of the file it is loaded from
    name        text     NOT NULL,
    source_file text     NOT NULL,                        -- the bundled file, in the data folder
    is_default  boolean  NOT NULL,
    position    smallint NOT NULL UNIQUE                  -- the order the API lists them in
);

-- Exactly one default: the dataset a question without a dataset argument is about.
CREATE UNIQUE INDEX datasets_one_default ON datasets (is_default) WHERE is_default;

INSERT INTO datasets (id, name, source_file, is_default, position) VALUES
    ('tmdb-5000',   'TMDB 5000 (Kaggle)',                   'tmdb_5000_movies.csv.gz',   true,  1),
    ('tmdb-movies', 'TMDb movie data (1960-2015)',          'tmdb-movies.csv.gz',        false, 2),
    ('tmdb-top10k', 'TMDB top rated 10K (up to 2022)',      'top10K-TMDB-movies.csv.gz', false, 3);

-- Movies: the dataset key and the new columns. Zero means unknown in these files, so runtime, budget and
-- revenue are null when unknown. vote_average becomes numeric so a rating compares as the file writes it
-- (6.1 >= 6.1); real to numeric keeps the six significant digits real was written with.
-- A catalog loaded before this migration came from its layouts' files, whose names are the dataset ids.
ALTER TABLE movies
    ADD COLUMN dataset_id        text,
    ADD COLUMN runtime           integer,
    ADD COLUMN budget            bigint,
    ADD COLUMN revenue           bigint,
    ADD COLUMN original_language text,
    ADD COLUMN status            text,
    ALTER COLUMN vote_average TYPE numeric USING vote_average::numeric;

UPDATE movies m SET dataset_id = coalesce((SELECT d.id FROM datasets d WHERE d.id = m.source), 'tmdb-5000');

ALTER TABLE movies
    ALTER COLUMN dataset_id SET NOT NULL,
    DROP CONSTRAINT movies_pkey,
    ADD PRIMARY KEY (dataset_id, id);

DROP INDEX movies_year_popularity;
CREATE INDEX movies_year_popularity ON movies (dataset_id, release_year, popularity DESC, id)
    WHERE release_year IS NOT NULL;

ALTER TABLE movie_genres ADD COLUMN dataset_id text;
UPDATE movie_genres mg SET dataset_id = m.dataset_id FROM movies m WHERE m.id = mg.movie_id;
ALTER TABLE movie_genres
    ALTER COLUMN dataset_id SET NOT NULL,
    DROP CONSTRAINT movie_genres_pkey,
    ADD PRIMARY KEY (dataset_id, movie_id, genre_id);

DROP INDEX movie_genres_genre;
CREATE INDEX movie_genres_genre ON movie_genres (dataset_id, genre_id, movie_id);

ALTER TABLE imports ADD COLUMN dataset_id text;
UPDATE imports i SET dataset_id = coalesce((SELECT d.id FROM datasets d WHERE d.id = i.layout), 'tmdb-5000');
ALTER TABLE imports ALTER COLUMN dataset_id SET NOT NULL;

-- The aggregates, per dataset. They are derived data: rebuilt below from the movies.
DROP TABLE genre_year_counts;
CREATE TABLE genre_year_counts (
    dataset_id  text     NOT NULL REFERENCES datasets (id),
    genre_id    smallint NOT NULL REFERENCES genres (id),
    year        smallint NOT NULL,
    movie_count integer  NOT NULL,
    PRIMARY KEY (dataset_id, genre_id, year)
);

DROP TABLE year_counts;
CREATE TABLE year_counts (
    dataset_id  text     NOT NULL REFERENCES datasets (id),
    year        smallint NOT NULL,
    movie_count integer  NOT NULL,
    PRIMARY KEY (dataset_id, year)
);

-- What each dataset holds data for, with the numbers: movies, undated ones, and how many have each value the
-- measures and filters read. The API lists a measure or filter only where its count is above zero.
CREATE TABLE dataset_coverage (
    dataset_id        text    PRIMARY KEY REFERENCES datasets (id),
    movie_count       integer NOT NULL,
    undated_count     integer NOT NULL,
    with_votes        integer NOT NULL,                   -- vote_count known
    with_rating       integer NOT NULL,                   -- vote_count > 0, so vote_average is a rating
    with_runtime      integer NOT NULL,
    with_budget       integer NOT NULL,
    with_revenue      integer NOT NULL,
    with_roi          integer NOT NULL,                   -- budget and revenue both known
    with_language     integer NOT NULL,
    with_status       integer NOT NULL
);

-- One definition of the per-dataset rebuild, for this migration and every import.
CREATE FUNCTION rebuild_dataset_counts(dataset text) RETURNS void LANGUAGE sql AS $$
    DELETE FROM genre_year_counts WHERE dataset_id = dataset;
    INSERT INTO genre_year_counts (dataset_id, genre_id, year, movie_count)
    SELECT dataset, mg.genre_id, m.release_year, count(*)
    FROM movies m
    JOIN movie_genres mg ON mg.dataset_id = m.dataset_id AND mg.movie_id = m.id
    WHERE m.dataset_id = dataset AND m.release_year IS NOT NULL
    GROUP BY mg.genre_id, m.release_year;

    DELETE FROM year_counts WHERE dataset_id = dataset;
    INSERT INTO year_counts (dataset_id, year, movie_count)
    SELECT dataset, release_year, count(*)
    FROM movies
    WHERE dataset_id = dataset AND release_year IS NOT NULL
    GROUP BY release_year;

    DELETE FROM dataset_coverage WHERE dataset_id = dataset;
    INSERT INTO dataset_coverage (dataset_id, movie_count, undated_count, with_votes, with_rating, with_runtime,
                                  with_budget, with_revenue, with_roi, with_language, with_status)
    SELECT dataset, count(*), count(*) FILTER (WHERE release_year IS NULL), count(vote_count),
           count(*) FILTER (WHERE vote_count > 0 AND vote_average IS NOT NULL), count(runtime), count(budget),
           count(revenue), count(*) FILTER (WHERE budget IS NOT NULL AND revenue IS NOT NULL),
           count(original_language), count(status)
    FROM movies
    WHERE dataset_id = dataset;
$$;

-- The popularity ranking, per dataset, with everything the API shows of a movie.
DROP FUNCTION rebuild_year_popularity(integer);
DROP TABLE year_popularity;
CREATE TABLE year_popularity (
    dataset_id        text             NOT NULL,
    year              smallint         NOT NULL,
    from_top          boolean          NOT NULL,          -- true: rank 1 is the most popular; false: the least
    rank              smallint         NOT NULL,          -- by popularity, then by id
    movie_id          integer          NOT NULL,          -- movies.id
    title             text             NOT NULL,
    release_date      date             NOT NULL,
    popularity        double precision NOT NULL,
    vote_average      numeric,
    vote_count        integer,
    overview          text,
    genres            text[]           NOT NULL,          -- names, sorted
    runtime           integer,
    budget            bigint,
    revenue           bigint,
    original_language text,
    status            text,
    PRIMARY KEY (dataset_id, year, from_top, rank)
);

-- Each year's ends are read straight off movies_year_popularity, so reranking costs a few thousand rows
-- whatever the catalog size.
CREATE FUNCTION rebuild_year_popularity(dataset text, ranks integer) RETURNS void LANGUAGE sql AS $$
    DELETE FROM year_popularity WHERE dataset_id = dataset;
    INSERT INTO year_popularity (dataset_id, year, from_top, rank, movie_id, title, release_date, popularity,
                                 vote_average, vote_count, overview, genres, runtime, budget, revenue,
                                 original_language, status)
    SELECT dataset, y.year, r.from_top, r.rank, m.id, m.title, m.release_date, m.popularity, m.vote_average,
           m.vote_count, m.overview,
           ARRAY(SELECT g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
                 WHERE mg.dataset_id = dataset AND mg.movie_id = m.id ORDER BY g.name COLLATE "C"),
           m.runtime, m.budget, m.revenue, m.original_language, m.status
    FROM year_counts y
    CROSS JOIN LATERAL (
        (SELECT true AS from_top, row_number() OVER (ORDER BY popularity DESC, id) AS rank, id
         FROM movies WHERE dataset_id = dataset AND release_year = y.year ORDER BY popularity DESC, id LIMIT ranks)
        UNION ALL
        (SELECT false, row_number() OVER (ORDER BY popularity, id), id
         FROM movies WHERE dataset_id = dataset AND release_year = y.year ORDER BY popularity, id LIMIT ranks)
    ) r
    JOIN movies m ON m.dataset_id = dataset AND m.id = r.id
    WHERE y.dataset_id = dataset;
$$;

-- The catalog already loaded gets its per-dataset aggregates and ranking now, as every import builds them.
SELECT rebuild_dataset_counts(id) FROM datasets;
SELECT rebuild_year_popularity(id, {popularity_ranking_depth}) FROM datasets;
