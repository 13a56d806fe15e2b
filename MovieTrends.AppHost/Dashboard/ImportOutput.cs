namespace MovieTrends.AppHost.Dashboard;

/// <summary>Reads the importer's console output.</summary>
internal static class ImportOutput
{
    private const string SummaryMarker = "Imported ";

    /// <summary>
    /// The summary of the importer's "Imported {summary}" line (file, layout, rows read, inserted, updated,
    /// unchanged, skipped, duration), or null for any other line.
    /// </summary>
    public static string? Summary(string line)
    {
        var at = line.IndexOf(SummaryMarker, StringComparison.Ordinal);
        return at < 0 ? null : line[(at + SummaryMarker.Length)..].Trim();
    }
}
