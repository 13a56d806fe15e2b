using System.Collections.Concurrent;
using MovieTrends.GraphQL.Database;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// Whole responses of clean query answers, keyed by the exact request bytes (the POST body, or the GET
/// query string). A repeated request is answered without parsing JSON or running the executor; the entries
/// go when an import changes the catalog. Lookups take a span, so a hit allocates nothing. The byte budget counts
/// each body twice: its gzip copy (<see cref="CachedAnswer"/>), made on demand, is kept only when smaller.
/// </summary>
public sealed class ResponseCache
{
    private const int MaxEntries = 4_096;
    private const long MaxBytes = 32L * 1024 * 1024;

    private readonly ConcurrentDictionary<byte[], CachedAnswer> _entries = new(ByteKeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], CachedAnswer>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly CatalogCacheGeneration _generation;
    private readonly bool _enabled;
    private long _bytes;

    public ResponseCache(CatalogChanges changes, bool enabled = true)
    {
        _enabled = enabled;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        _generation = new CatalogCacheGeneration(changes);
    }

    /// <summary>The catalog version to hand back to <see cref="Add"/>, taken before executing.</summary>
    public long Version => _generation.Version;

    public bool TryGet(ReadOnlySpan<byte> key, out CachedAnswer? answer)
    {
        answer = null;
        return _generation.IsCurrent && _lookup.TryGetValue(key, out answer);
    }

    /// <param name="key">The request bytes; the cache keeps this array.</param>
    public void Add(byte[] key, GraphQLExecution execution, long versionBeforeExecution)
    {
        if (!_enabled || !execution.IsCacheable)
        {
            return;
        }

        _generation.TryKeep(versionBeforeExecution, Clear, () =>
        {
            var bytes = key.Length + 2L * execution.Body.Length;
            if (_entries.Count >= MaxEntries || Interlocked.Read(ref _bytes) + bytes > MaxBytes)
            {
                Clear();
            }

            if (_entries.TryAdd(key, new CachedAnswer(execution)))
            {
                Interlocked.Add(ref _bytes, bytes);
            }
        });
    }

    private void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    private sealed class ByteKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteKeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
