using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>Answers catalog questions from PostgreSQL, one round trip per question.</summary>
public sealed class CatalogReader(NpgsqlDataSource dataSource) : ICatalogReader
{
    public async Task<GenreTrends> GetGenreTrendsAsync(
        int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken)
    {
        CatalogLimits.CheckRange(from, to);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        if (genres is not null)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(CatalogSql.GenreNames));
        }

        batch.BatchCommands.Add(YearRangeCommand(CatalogSql.GenreYearCounts, from, to));
        batch.BatchCommands.Add(YearRangeCommand(CatalogSql.YearCounts, from, to));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        IReadOnlyList<string>? requested = null;
        if (genres is not null)
        {
            var known = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(reader.GetString(0));
            }

            requested = GenreNames.Resolve(genres, known);
            await reader.NextResultAsync(cancellationToken);
        }

        var yearCount = to - from + 1;
        var countsByGenre = new Dictionary<string, int[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var genre = reader.GetString(0);
            if (!countsByGenre.TryGetValue(genre, out var counts))
            {
                counts = new int[yearCount];
                countsByGenre.Add(genre, counts);
            }

            counts[reader.GetInt16(1) - from] = reader.GetInt32(2);
        }

        await reader.NextResultAsync(cancellationToken);
        var totals = new int[yearCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            totals[reader.GetInt16(0) - from] = reader.GetInt32(1);
        }

        var years = new int[yearCount];
        for (var i = 0; i < yearCount; i++)
        {
            years[i] = from + i;
        }

        return new GenreTrends(from, to, years, BuildSeries(countsByGenre, requested, yearCount), totals);
    }

    public async Task<PopularityReport> GetPopularityAsync(int year, int limit, CancellationToken cancellationToken)
    {
        CatalogLimits.CheckYear(year, "year");
        CatalogLimits.CheckLimit(limit);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(CatalogSql.YearCount) { Parameters = { Int(year) } },
                new NpgsqlBatchCommand(CatalogSql.MostPopular) { Parameters = { Int(year), Int(limit) } },
                new NpgsqlBatchCommand(CatalogSql.LeastPopular) { Parameters = { Int(year), Int(limit) } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        await reader.ReadAsync(cancellationToken);
        var movieCount = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var top = await ReadMoviesAsync(reader, limit, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var bottom = await ReadMoviesAsync(reader, limit, cancellationToken);
        return new PopularityReport(year, movieCount, top, bottom);
    }

    public async Task<IReadOnlyList<GenreSummary>> GetGenresAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.GenreSummaries);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var genres = new List<GenreSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            genres.Add(new GenreSummary(reader.GetString(0), reader.GetInt32(1)));
        }

        return genres;
    }

    public async Task<CatalogSummary> GetCatalogAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.CatalogSummary);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CatalogSummary(
            MovieCount: reader.GetInt32(0),
            UndatedCount: reader.GetInt32(1),
            GenreCount: reader.GetInt32(2),
            FirstYear: reader.GetInt32(3),
            LastYear: reader.GetInt32(4),
            Sources: reader.GetFieldValue<string[]>(5),
            LastImportAt: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
    }

    private static List<GenreSeries> BuildSeries(
        Dictionary<string, int[]> countsByGenre, IReadOnlyList<string>? requested, int yearCount)
    {
        var series = new List<GenreSeries>(requested?.Count ?? countsByGenre.Count);
        if (requested is null)
        {
            foreach (var (genre, counts) in countsByGenre)
            {
                series.Add(new GenreSeries(genre, counts, Sum(counts)));
            }
        }
        else
        {
            foreach (var genre in requested)
            {
                var counts = countsByGenre.GetValueOrDefault(genre) ?? new int[yearCount];
                series.Add(new GenreSeries(genre, counts, Sum(counts)));
            }
        }

        series.Sort(static (a, b) => a.Total != b.Total
            ? b.Total.CompareTo(a.Total)
            : string.CompareOrdinal(a.Genre, b.Genre));
        return series;
    }

    private static int Sum(int[] counts)
    {
        var total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        return total;
    }

    private static async Task<List<Movie>> ReadMoviesAsync(
        NpgsqlDataReader reader, int limit, CancellationToken cancellationToken)
    {
        var movies = new List<Movie>(limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            movies.Add(new Movie(
                Id: reader.GetInt32(0),
                Title: reader.GetString(1),
                ReleaseDate: reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                Popularity: reader.GetDouble(3),
                // real holds 7.2 as 7.19999980926514; going through decimal gives back the value as imported.
                VoteAverage: reader.IsDBNull(4) ? null : (double)(decimal)reader.GetFloat(4),
                VoteCount: reader.IsDBNull(5) ? null : reader.GetInt32(5),
                Genres: reader.GetFieldValue<string[]>(7),
                Overview: reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return movies;
    }

    private static NpgsqlBatchCommand YearRangeCommand(string sql, int from, int to) =>
        new(sql) { Parameters = { Int(from), Int(to) } };

    private static NpgsqlParameter<int> Int(int value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Integer };
}
