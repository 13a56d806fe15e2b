namespace MovieTrends.Ingest.Import;

/// <summary>
/// What one import did. Every data row read is exactly one of inserted, updated, unchanged or skipped.
/// <see cref="CatalogChanged"/>: whether it changed a movie or the dataset's coverage (the import itself is always
/// recorded and announced on the catalog channel).
/// </summary>
public sealed record ImportSummary(
    long ImportId,
    string FileName,
    string Sha256,
    string Layout,
    int RowsRead,
    int Inserted,
    int Updated,
    int Unchanged,
    IReadOnlyList<SkippedRow> Skipped,
    TimeSpan Duration,
    bool CatalogChanged)
{
    public int RowsSkipped => Skipped.Count;

    public override string ToString() =>
        $"{FileName} ({Layout}): {RowsRead} rows read, {Inserted} inserted, {Updated} updated, " +
        $"{Unchanged} unchanged, {RowsSkipped} skipped in {Duration.TotalSeconds:F1} s" +
        (CatalogChanged ? "" : "; the catalog is unchanged");
}
