using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// Keeps every skipped row of an import in <c>import_rejections</c>, inside the import's transaction:
/// the log shows the first few, this table all of them.
/// </summary>
internal static class RejectionLog
{
    private const string QueryTemplate = "SELECT line, reason FROM import_rejections WHERE import_id = {0} ORDER BY line";

    private const string CopyCommand = "COPY import_rejections (import_id, line, reason) FROM STDIN (FORMAT BINARY)";

    public static async Task WriteAsync(NpgsqlConnection connection, long importId, IReadOnlyList<SkippedRow> skipped,
        CancellationToken cancellationToken)
    {
        if (skipped.Count == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var row in skipped)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(importId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(row.Line, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Reason, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The query that lists an import's skipped rows, as the summary prints it.</summary>
    public static string Query(long importId) => string.Format(System.Globalization.CultureInfo.InvariantCulture, QueryTemplate, importId);
}
