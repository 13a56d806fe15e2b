using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.GraphQL.Trends;

/// <summary>
/// Holds the current catalog's datasets and each one's <see cref="CatalogAggregates"/> (a
/// <see cref="CatalogSnapshot"/>), the one cache behind datasets, genreTrends and each year's movie count, read and
/// kept as a <see cref="SharedCatalogRead{T}"/>: once per catalog version, the last read answering while the
/// database cannot be read.
/// </summary>
public sealed class CatalogAggregatesStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SharedCatalogRead<CatalogSnapshot> _snapshot;

    public CatalogAggregatesStore(NpgsqlDataSource dataSource, CatalogChanges changes, DatabaseAvailability availability)
    {
        _dataSource = dataSource;
        _snapshot = new SharedCatalogRead<CatalogSnapshot>(changes, availability, ReadFromDatabaseAsync);
    }

    /// <summary>The default dataset's aggregates.</summary>
    public Task<CatalogAggregates> GetAsync(CancellationToken cancellationToken) => GetAsync(null, cancellationToken);

    /// <summary>The aggregates of the dataset <paramref name="dataset"/> names (null: the default one).</summary>
    /// <exception cref="CatalogQueryException">UNKNOWN_DATASET.</exception>
    public async Task<CatalogAggregates> GetAsync(string? dataset, CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).Aggregates(dataset);

    public Task<CatalogSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => _snapshot.GetAsync(cancellationToken);

    private async Task<CatalogSnapshot> ReadFromDatabaseAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(DatasetSql.Datasets),
                new NpgsqlBatchCommand(CatalogSql.Genres),
                new NpgsqlBatchCommand(CatalogSql.DatasetGenres),
                new NpgsqlBatchCommand(CatalogSql.GenreYearCounts),
                new NpgsqlBatchCommand(CatalogSql.YearCounts),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();

        var datasets = new List<Dataset>();
        while (await reader.ReadAsync())
        {
            datasets.Add(DatasetReader.Read(reader));
        }

        await reader.NextResultAsync();
        var genreNames = new List<string>();
        var namesById = new Dictionary<short, string>();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(1);
            genreNames.Add(name);
            namesById.Add(reader.GetInt16(0), name);
        }

        await reader.NextResultAsync();
        var datasetGenres = new HashSet<(string Dataset, string Genre)>();
        while (await reader.ReadAsync())
        {
            datasetGenres.Add((reader.GetString(0), namesById[reader.GetInt16(1)]));
        }

        await reader.NextResultAsync();
        var genreCounts = new List<(string Dataset, string Genre, short Year, int Count)>();
        while (await reader.ReadAsync())
        {
            genreCounts.Add((reader.GetString(0), namesById[reader.GetInt16(1)], reader.GetInt16(2), reader.GetInt32(3)));
        }

        await reader.NextResultAsync();
        var yearCounts = new List<(string Dataset, short Year, int Count)>();
        while (await reader.ReadAsync())
        {
            yearCounts.Add((reader.GetString(0), reader.GetInt16(1), reader.GetInt32(2)));
        }

        var aggregates = datasets.ToDictionary(
            dataset => dataset.Id,
            dataset => Build(
                [.. genreNames.Where(genre => datasetGenres.Contains((dataset.Id, genre)))],
                [.. genreCounts.Where(row => row.Dataset == dataset.Id).Select(row => (row.Genre, row.Year, row.Count))],
                [.. yearCounts.Where(row => row.Dataset == dataset.Id).Select(row => (row.Year, row.Count))]));
        return new CatalogSnapshot(datasets, aggregates);
    }

    private static CatalogAggregates Build(
        List<string> genreNames, List<(string Genre, short Year, int Count)> genreCounts, List<(short Year, int Count)> yearCounts)
    {
        if (yearCounts.Count == 0 && genreCounts.Count == 0)
        {
            return new CatalogAggregates(genreNames, 0, new Dictionary<string, int[]>(), []);
        }

        var firstYear = int.MaxValue;
        var lastYear = int.MinValue;
        foreach (var (year, _) in yearCounts)
        {
            (firstYear, lastYear) = (Math.Min(firstYear, year), Math.Max(lastYear, year));
        }

        foreach (var (_, year, _) in genreCounts)
        {
            (firstYear, lastYear) = (Math.Min(firstYear, year), Math.Max(lastYear, year));
        }

        var span = lastYear - firstYear + 1;
        var totals = new int[span];
        foreach (var (year, count) in yearCounts)
        {
            totals[year - firstYear] = count;
        }

        var countsByGenre = new Dictionary<string, int[]>();
        foreach (var (genre, year, count) in genreCounts)
        {
            if (!countsByGenre.TryGetValue(genre, out var counts))
            {
                counts = new int[span];
                countsByGenre.Add(genre, counts);
            }

            counts[year - firstYear] = count;
        }

        return new CatalogAggregates(genreNames, firstYear, countsByGenre, totals);
    }
}
