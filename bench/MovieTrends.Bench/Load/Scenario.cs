namespace MovieTrends.Bench.Load;

/// <summary>Where a scenario's requests go.</summary>
public enum Route
{
    Baseline,
    Direct,
    Proxy,
}

/// <summary>How a route's requests are sent: the method, and the Accept-Encoding header when there is one.</summary>
public sealed record RequestStyle(string Method, string? AcceptEncoding)
{
    /// <summary>As the web page asks in Chromium: a GET with the query and variables in the URL, accepting compressed answers.</summary>
    public static readonly RequestStyle Page = new("GET", "gzip, deflate, br, zstd");

    /// <summary>As scripts and other API clients often ask: a POST with a JSON body, and no compression.</summary>
    public static readonly RequestStyle Script = new("POST", null);

    /// <summary>Through the web proxy as the page asks; straight to the service as a script does.</summary>
    public static RequestStyle Of(Route route) => route == Route.Proxy ? Page : Script;
}

/// <summary>
/// A request shape sent by wrk/graphql.lua: <see cref="Mode"/> is that script's BENCH_MODE and
/// <see cref="Body"/> the fixed body of the "fixed" mode. A changing scenario's targets: <see cref="MinRequestsPerSecond"/>
/// at 64 connections, and <see cref="ProbeP50Milliseconds"/> at one connection on the 1M catalog.
/// </summary>
public sealed record Scenario(
    string Name, string Mode, bool Repeated, string? Body = null, int? MinRequestsPerSecond = 5000, double? ProbeP50Milliseconds = null)
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
        // Issue 13: a measure other than MOVIES with a filter is computed over the movie columns, never cached here.
        new("genreTrends by a measure with a filter, all changing", "genre-measure", Repeated: false,
            MinRequestsPerSecond: 2000, ProbeP50Milliseconds: 20),
        new("movies drill-down page, all changing", "movies", Repeated: false,
            MinRequestsPerSecond: null, ProbeP50Milliseconds: 10),
    ];

    /// <summary>The scenarios whose mode is in <paramref name="modes"/>, or all of them when it is null.</summary>
    public static IReadOnlyList<Scenario> Selected(IReadOnlyList<Scenario> scenarios, IReadOnlyCollection<string>? modes) =>
        modes is null ? scenarios : [.. scenarios.Where(scenario => modes.Contains(scenario.Mode))];
}
