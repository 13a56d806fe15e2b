using System.Collections.Concurrent;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Errors;
using Npgsql;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Each dataset's <see cref="MovieColumns"/>, read again once the catalog changed, as a
/// <see cref="SharedCatalogRead{T}"/>: one read shared by the requests waiting for it, and the last columns read
/// answering while the database cannot be read. <see cref="MovieColumnsWarmUp"/> reads them right after start-up
/// and after each change, so no request has to; while a dataset's columns are read again, its last columns keep
/// answering (a read of a million movies takes seconds, past a request's timeout on a busy machine), and answers
/// are kept per columns read (<see cref="MovieColumns.ReadAt"/>), so none computed from old columns outlives the read.
/// A question whose dataset's first read outlasts the request's database budget, with the database answering, is
/// DATA_LOADING (<see cref="DataLoadingException"/>). One read at a time across datasets: each holds a whole dataset's columns besides the ones answering.
/// </summary>
public sealed class MovieColumnsStore(NpgsqlDataSource dataSource, CatalogChanges changes, DatabaseAvailability availability)
{
    private readonly ConcurrentDictionary<string, SharedCatalogRead<MovieColumns>> _datasets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MovieColumns> _lastRead = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneRead = new(1, 1);

    /// <summary>Raised with the dataset id once its columns were read, on the reading thread.</summary>
    public event Action<string, MovieColumns>? ColumnsRead;

    /// <summary>The dataset's columns read last, current or not; null before the first read.</summary>
    public MovieColumns? LastRead(string dataset) => _lastRead.GetValueOrDefault(dataset);

    /// <param name="dataset">A resolved dataset id (see <c>CatalogSnapshot.Resolve</c>).</param>
    public Task<MovieColumns> GetAsync(string dataset, CancellationToken cancellationToken)
    {
        var read = _datasets.GetOrAdd(dataset, id => new SharedCatalogRead<MovieColumns>(
                changes, availability, () => ReadAsync(id), () => new DataLoadingException(id)))
            .GetAsync(cancellationToken);
        return !read.IsCompleted && _lastRead.TryGetValue(dataset, out var last) ? Task.FromResult(last) : read;
    }

    private async Task<MovieColumns> ReadAsync(string dataset)
    {
        await _oneRead.WaitAsync();
        try
        {
            // Taken before the read's snapshot, so the columns hold at least this version's catalog.
            var version = changes.Version;
            var columns = await MovieColumnsLoader.LoadAsync(dataSource, dataset);
            columns.ReadAt = version;
            _lastRead[dataset] = columns;
            ColumnsRead?.Invoke(dataset, columns);
            return columns;
        }
        finally
        {
            _oneRead.Release();
        }
    }
}
