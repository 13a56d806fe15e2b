-- The movie catalog: movies, their genres, and the per-year aggregates the API reads.

CREATE TABLE imports (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name       text        NOT NULL,
    sha256          text        NOT NULL,
    layout          text        NOT NULL,
    rows_read       integer     NOT NULL,
    rows_inserted   integer     NOT NULL,
    rows_updated    integer     NOT NULL,
    rows_unchanged  integer     NOT NULL,
    rows_skipped    integer     NOT NULL,
    duration_ms     integer     NOT NULL,
    imported_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE genres (
    id   smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE movies (
    id            integer          PRIMARY KEY,          -- the TMDB id
    title         text             NOT NULL,
    release_date  date,
    release_year  smallint,                               -- null when the release date is unknown
    popularity    double precision NOT NULL,
    vote_average  real,
    vote_count    integer,
    overview      text,
    source        text             NOT NULL,              -- layout of the file the row came from:
                                                          -- popularity scales differ between files
    import_id     bigint           NOT NULL               -- the import that last inserted or changed it
);

-- movie_genres and movies.import_id reference their parents without FOREIGN KEY constraints on purpose:
-- the importer is their only writer and links rows set-based inside one transaction, while per-row
-- foreign-key checks would triple the time it takes to load a million movies.
CREATE TABLE movie_genres (
    movie_id integer  NOT NULL,                           -- movies.id
    genre_id smallint NOT NULL,                           -- genres.id
    PRIMARY KEY (movie_id, genre_id)
);

-- Top and bottom of a year read straight off this index, whatever the catalog size.
CREATE INDEX movies_year_popularity ON movies (release_year, popularity DESC, id)
    WHERE release_year IS NOT NULL;

CREATE INDEX movie_genres_genre ON movie_genres (genre_id, movie_id);

-- Aggregates rebuilt by every import inside its transaction, so trend queries never scan movies.
CREATE TABLE genre_year_counts (
    genre_id    smallint NOT NULL REFERENCES genres (id),
    year        smallint NOT NULL,
    movie_count integer  NOT NULL,
    PRIMARY KEY (genre_id, year)
);

CREATE TABLE year_counts (
    year        smallint PRIMARY KEY,
    movie_count integer  NOT NULL
);
