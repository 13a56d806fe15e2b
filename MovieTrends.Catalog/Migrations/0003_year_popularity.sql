-- The most and least popular movies of each year, ranked by every import inside its transaction (like the
-- counts), with everything the API shows of them, so a popularity answer is one short range of one index
-- whatever the catalog size. Ranks go as deep as the API's largest limit.
CREATE TABLE year_popularity (
    year         smallint         NOT NULL,
    from_top     boolean          NOT NULL,               -- true: rank 1 is the most popular; false: the least
    rank         smallint         NOT NULL,               -- by popularity, then by id
    movie_id     integer          NOT NULL,               -- movies.id
    title        text             NOT NULL,
    release_date date             NOT NULL,
    popularity   double precision NOT NULL,
    vote_average real,
    vote_count   integer,
    overview     text,
    genres       text[]           NOT NULL,               -- names, sorted
    PRIMARY KEY (year, from_top, rank)
);

-- One definition of the ranking for this migration and every import. Each year's ends are read straight off
-- movies_year_popularity, so reranking costs a few thousand rows whatever the catalog size.
CREATE FUNCTION rebuild_year_popularity(ranks integer) RETURNS void LANGUAGE sql AS $$
    DELETE FROM year_popularity;
    INSERT INTO year_popularity (year, from_top, rank, movie_id, title, release_date, popularity, vote_average,
                                 vote_count, overview, genres)
    SELECT y.year, r.from_top, r.rank, m.id, m.title, m.release_date, m.popularity, m.vote_average,
           m.vote_count, m.overview,
           ARRAY(SELECT g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
                 WHERE mg.movie_id = m.id ORDER BY g.name COLLATE "C")
    FROM year_counts y
    CROSS JOIN LATERAL (
        (SELECT true AS from_top, row_number() OVER (ORDER BY popularity DESC, id) AS rank, id
         FROM movies WHERE release_year = y.year ORDER BY popularity DESC, id LIMIT ranks)
        UNION ALL
        (SELECT false, row_number() OVER (ORDER BY popularity, id), id
         FROM movies WHERE release_year = y.year ORDER BY popularity, id LIMIT ranks)
    ) r
    JOIN movies m ON m.id = r.id;
$$;

-- A catalog imported before this migration gets its ranking now, as deep as every import ranks.
SELECT rebuild_year_popularity({popularity_ranking_depth});
