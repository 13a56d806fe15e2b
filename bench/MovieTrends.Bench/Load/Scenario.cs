namespace MovieTrends.Bench.Load;

/// <summary>Where a scenario's requests go.</summary>
public enum Route
{
    Baseline,
    Direct,
    Proxy,
}

/// <summary>
/// A request shape sent by wrk/graphql.lua: <see cref="Mode"/> is that script's BENCH_MODE and
/// <see cref="Body"/> the fixed body of the "fixed" mode.
/// </summary>
public sealed record Scenario(string Name, string Mode, bool Repeated, string? Body = null)
{
    public const string GenreTrendsQuery =
        "query($from:Int!,$to:Int!){genreTrends(from:$from,to:$to){from to years series{genre counts total} totals}}";

    public const string PopularityQuery =
        "query($year:Int!,$limit:Int!){popularity(year:$year,limit:$limit){year movieCount top{id title releaseDate popularity genres} bottom{id title releaseDate popularity genres}}}";

    public static Scenario GenreTrends(string name, int from, int to) =>
        new(name, "fixed", Repeated: true, Body: $$$"""{"query":"{{{GenreTrendsQuery}}}","variables":{"from":{{{from}}},"to":{{{to}}}}}""");

    public static Scenario Popularity(string name, int year) =>
        new(name, "fixed", Repeated: true, Body: $$$"""{"query":"{{{PopularityQuery}}}","variables":{"year":{{{year}}},"limit":5}}""");

    /// <summary>The scenarios of one catalog: the same query repeated (result cache hits), then changing arguments.</summary>
    public static IReadOnlyList<Scenario> For(int firstYear, int lastYear) =>
    [
        GenreTrends("genreTrends 2000–2010", 2000, 2010),
        GenreTrends($"genreTrends full range ({firstYear}–{lastYear})", firstYear, lastYear),
        Popularity("popularity 2010", 2010),
        new("genreTrends 11-year window, sliding", "genre-window", Repeated: false),
        new("genreTrends full range, widened", "genre-full", Repeated: false),
        new("popularity, year changing", "popularity", Repeated: false),
    ];
}
