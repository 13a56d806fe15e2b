using System.Collections.Concurrent;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>
/// Keeps catalog answers in memory, keyed by their arguments, until the next import changes the data.
/// Errors are never cached, and an answer read while an import committed is not kept.
/// </summary>
public sealed class CachedCatalogReader : ICatalogReader
{
    // Arguments are bounded (years 1800..2100, limit 1..50) but a genre filter is free text:
    // starting over past this size keeps memory bounded without an eviction policy.
    private const int MaxEntriesPerCache = 10_000;

    private readonly CatalogReader _inner;
    private readonly CatalogChanges _changes;
    private readonly GraphQLTelemetry _telemetry;
    private readonly ConcurrentDictionary<(int From, int To, GenreListKey? Genres), GenreTrends> _trends = new();
    private readonly ConcurrentDictionary<(int Year, int Limit), PopularityReport> _popularity = new();
    private readonly ConcurrentDictionary<int, IReadOnlyList<GenreSummary>> _genres = new();
    private readonly ConcurrentDictionary<int, CatalogSummary> _catalog = new();

    public CachedCatalogReader(CatalogReader inner, CatalogChanges changes, GraphQLTelemetry telemetry)
    {
        _inner = inner;
        _changes = changes;
        _telemetry = telemetry;
        changes.Changed += Clear;
    }

    public Task<GenreTrends> GetGenreTrendsAsync(
        int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken)
    {
        var genresKey = genres is null ? null : new GenreListKey(genres);
        return GetOrLoadAsync(
            _trends,
            (from, to, genresKey),
            (from, to, genres),
            static (inner, args, ct) => inner.GetGenreTrendsAsync(args.from, args.to, args.genres, ct),
            cancellationToken);
    }

    public Task<PopularityReport> GetPopularityAsync(int year, int limit, CancellationToken cancellationToken) =>
        GetOrLoadAsync(
            _popularity,
            (year, limit),
            (year, limit),
            static (inner, args, ct) => inner.GetPopularityAsync(args.year, args.limit, ct),
            cancellationToken);

    public Task<IReadOnlyList<GenreSummary>> GetGenresAsync(CancellationToken cancellationToken) =>
        GetOrLoadAsync(_genres, 0, 0, static (inner, _, ct) => inner.GetGenresAsync(ct), cancellationToken);

    public Task<CatalogSummary> GetCatalogAsync(CancellationToken cancellationToken) =>
        GetOrLoadAsync(_catalog, 0, 0, static (inner, _, ct) => inner.GetCatalogAsync(ct), cancellationToken);

    private Task<TValue> GetOrLoadAsync<TKey, TArgs, TValue>(
        ConcurrentDictionary<TKey, TValue> cache,
        TKey key,
        TArgs args,
        Func<CatalogReader, TArgs, CancellationToken, Task<TValue>> load,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var cached))
        {
            _telemetry.CacheLookup(GraphQLTelemetry.Caches.Result, hit: true);
            return Task.FromResult(cached);
        }

        _telemetry.CacheLookup(GraphQLTelemetry.Caches.Result, hit: false);
        return LoadAsync(cache, key, args, load, cancellationToken);
    }

    private async Task<TValue> LoadAsync<TKey, TArgs, TValue>(
        ConcurrentDictionary<TKey, TValue> cache,
        TKey key,
        TArgs args,
        Func<CatalogReader, TArgs, CancellationToken, Task<TValue>> load,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        var version = _changes.Version;
        var value = await load(_inner, args, cancellationToken);
        if (_changes.Version == version)
        {
            if (cache.Count >= MaxEntriesPerCache)
            {
                cache.Clear();
            }

            cache[key] = value;
        }

        return value;
    }

    private void Clear()
    {
        _trends.Clear();
        _popularity.Clear();
        _genres.Clear();
        _catalog.Clear();
    }

    /// <summary>
    /// A genre filter by the names it asks for, compared name by name (joining them into one string let two
    /// different lists share a key once a name held the separator). The reader matches names ignoring case,
    /// counts a repeated name once and sorts its answer, so the key keeps each name once, ignoring case, in
    /// order: equal keys get equal answers, and a cached key is never longer than the catalog's genre list.
    /// </summary>
    private sealed class GenreListKey : IEquatable<GenreListKey>
    {
        private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

        private readonly string[] _names;
        private readonly int _hash;

        public GenreListKey(IEnumerable<string> requested)
        {
            _names = [.. requested.Distinct(Names).Order(Names)];
            var hash = new HashCode();
            hash.Add(_names.Length);
            foreach (var name in _names)
            {
                hash.Add(name, Names);
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(GenreListKey? other) =>
            other is not null && _hash == other._hash && _names.AsSpan().SequenceEqual(other._names, Names);

        public override bool Equals(object? obj) => Equals(obj as GenreListKey);

        public override int GetHashCode() => _hash;
    }
}
