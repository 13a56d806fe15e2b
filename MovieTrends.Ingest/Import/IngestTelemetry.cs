using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MovieTrends.Ingest.Import;

/// <summary>The importer's traces and metrics, under the service's own name.</summary>
public static class IngestTelemetry
{
    public const string Name = "MovieTrends.Ingest";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Rows handled by imports, tagged with <c>outcome</c>: inserted, updated, unchanged or skipped.</summary>
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>(
        "movietrends.import.rows", unit: "{row}", description: "Data rows handled by catalog imports, by outcome.");

    internal static void RecordRows(ImportSummary summary)
    {
        var layout = new KeyValuePair<string, object?>("layout", summary.Layout);
        ImportRows.Add(summary.Inserted, new("outcome", "inserted"), layout);
        ImportRows.Add(summary.Updated, new("outcome", "updated"), layout);
        ImportRows.Add(summary.Unchanged, new("outcome", "unchanged"), layout);
        ImportRows.Add(summary.RowsSkipped, new("outcome", "skipped"), layout);
    }
}
