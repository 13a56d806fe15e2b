namespace MovieTrends.Ingest.Import;

/// <summary>A record left out of an import: the physical line where it starts and why.</summary>
public sealed record SkippedRow(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}
