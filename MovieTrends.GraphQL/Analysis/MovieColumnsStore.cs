using System.Collections.Concurrent;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Each dataset's <see cref="MovieColumns"/>, read on first need and again once the catalog changed, as a
/// <see cref="SharedCatalogRead{T}"/>: one read shared by the requests waiting for it, and the last columns read
/// answering while the database cannot be read. A dataset nobody asks about is never loaded.
/// </summary>
public sealed class MovieColumnsStore(NpgsqlDataSource dataSource, CatalogChanges changes, DatabaseAvailability availability)
{
    private readonly ConcurrentDictionary<string, SharedCatalogRead<MovieColumns>> _datasets = new(StringComparer.Ordinal);

    /// <param name="dataset">A resolved dataset id (see <c>CatalogSnapshot.Resolve</c>).</param>
    public Task<MovieColumns> GetAsync(string dataset, CancellationToken cancellationToken) =>
        _datasets.GetOrAdd(dataset, id => new SharedCatalogRead<MovieColumns>(
            changes, availability, () => MovieColumnsLoader.LoadAsync(dataSource, id))).GetAsync(cancellationToken);
}
