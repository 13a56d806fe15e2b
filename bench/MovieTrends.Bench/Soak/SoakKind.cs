namespace MovieTrends.Bench.Soak;

/// <summary>What a soak stream sends (wrk/soak.lua's SOAK_KIND).</summary>
public enum SoakKind
{
    /// <summary>Every field with changing arguments: each answer must be 200 without errors.</summary>
    Valid,

    /// <summary>Malformed, oversized, too deep, too complex and unsupported requests: each answer must be a 4xx.</summary>
    Hostile,
}
