namespace MovieTrends.Bench.Load;

/// <summary>
/// A route's requests/s as a share of the baseline's, measured in rounds that alternate the two back to back at the
/// same connection count. The machine's capacity drifts by a third or more within minutes on a shared virtual machine,
/// so a ratio against a baseline measured once, minutes before, moves with the drift (single rows of one run: 36–47 %); a baseline
/// measured seconds before each round drifts with it, and the median of the rounds holds. <see cref="Errors"/> counts
/// the failed requests of every round, the baseline's and the route's: a fast error is no throughput. The bytes per
/// response (headers included, from the last round) say what each side sent: the proxy's may be compressed.
/// </summary>
public sealed record InterleavedRatio(
    Scenario Scenario, Route Route, int Connections, IReadOnlyList<double> Ratios, long Errors,
    double BytesPerResponse, double BaselineBytesPerResponse)
{
    public double Median
    {
        get
        {
            var sorted = Ratios.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Lowest => Ratios.Min();

    public double Highest => Ratios.Max();
}
