using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MovieTrends.GraphQL.Telemetry;

/// <summary>
/// The GraphQL service's own traces and metrics: one span per operation, operations by name and outcome,
/// and cache hits and misses per cache (the hit ratio is hits / (hits + misses)).
/// </summary>
public sealed class GraphQLTelemetry
{
    public const string Name = "MovieTrends.GraphQL";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long> _operations;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;

    public GraphQLTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _operations = meter.CreateCounter<long>(
            "movietrends.graphql.operations", "{operation}", "GraphQL operations by name, type and outcome.");
        _cacheHits = meter.CreateCounter<long>(
            "movietrends.graphql.cache.hits", "{lookup}", "Cache lookups answered from memory, by cache.");
        _cacheMisses = meter.CreateCounter<long>(
            "movietrends.graphql.cache.misses", "{lookup}", "Cache lookups that went to the database or executor, by cache.");
    }

    public void OperationCompleted(string operationName, string operationType, string outcome) =>
        _operations.Add(
            1,
            new KeyValuePair<string, object?>(TagNames.OperationName, operationName),
            new KeyValuePair<string, object?>(TagNames.OperationType, operationType),
            new KeyValuePair<string, object?>(TagNames.Outcome, outcome));

    public void CacheLookup(string cache, bool hit) =>
        (hit ? _cacheHits : _cacheMisses).Add(1, new KeyValuePair<string, object?>(TagNames.Cache, cache));

    /// <summary>Attribute and tag names, following the OpenTelemetry GraphQL conventions where they exist.</summary>
    public static class TagNames
    {
        public const string OperationName = "graphql.operation.name";
        public const string OperationType = "graphql.operation.type";
        public const string Outcome = "graphql.outcome";
        public const string CacheHit = "graphql.cache_hit";
        public const string Cache = "cache";
    }

    /// <summary>The caches whose lookups are counted.</summary>
    public static class Caches
    {
        public const string Response = "response";
        public const string Result = "result";
    }
}
