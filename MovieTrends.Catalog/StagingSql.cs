namespace MovieTrends.Catalog;

/// <summary>The session's staging table an import copies a file's valid rows into before merging them.</summary>
public static class StagingSql
{
    public const string CreateStageTable = """
        CREATE TEMP TABLE stage_movies (
            id           integer          NOT NULL,
            title        text             NOT NULL,
            release_date date,
            release_year smallint,
            popularity   double precision NOT NULL,
            vote_average numeric,
            vote_count   integer,
            overview     text,
            genres       text[]           NOT NULL,
            runtime      integer,
            budget       bigint,
            revenue      bigint,
            original_language text,
            status       text
        ) ON COMMIT DROP
        """;

    public const string CopyCommand = """
        COPY stage_movies (id, title, release_date, release_year, popularity, vote_average, vote_count, overview, genres,
                      runtime, budget, revenue, original_language, status)
        FROM STDIN (FORMAT BINARY)
        """;
}
