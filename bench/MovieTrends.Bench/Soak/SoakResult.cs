using MovieTrends.Bench.Load;

namespace MovieTrends.Bench.Soak;

/// <summary>One wrk stream of the soak.</summary>
public sealed record SoakStream(SoakKind Kind, Route Route, int Connections, WrkResult Wrk)
{
    /// <summary>Answers outside the stream's rule, plus requests that got no answer at all.</summary>
    public long Failures => Wrk.Unexpected + Wrk.SocketErrors;
}

/// <summary>The soak: valid and hostile streams side by side, direct and through the web proxy, for one duration.</summary>
public sealed record SoakResult(TimeSpan Duration, IReadOnlyList<SoakStream> Streams, Usage Usage, bool HealthyAfter)
{
    public long Requests => Streams.Sum(stream => stream.Wrk.Requests);

    public long ServerErrors => Streams.Sum(stream => stream.Wrk.ServerErrors);

    public long Failures => Streams.Sum(stream => stream.Failures);

    public bool Passed => HealthyAfter && ServerErrors == 0 && Failures == 0 && Streams.All(stream => stream.Wrk.Requests > 0);
}
