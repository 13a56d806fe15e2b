using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MovieTrends.Ingest.Import;

/// <summary>Logs the read rate about once a second, so a long import shows it is alive and how fast it goes.</summary>
internal sealed partial class ImportProgress(ILogger logger, string fileName)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastReport;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void RowRead(int rowsRead)
    {
        // Looking at the clock every row would cost more than the parsing.
        if ((rowsRead & 0x3FF) != 0 || _clock.Elapsed - _lastReport < Interval)
        {
            return;
        }

        _lastReport = _clock.Elapsed;
        LogProgress(logger, fileName, rowsRead, rowsRead / _clock.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FileName}: {Rows:N0} rows read ({RowsPerSecond:N0} rows/s)")]
    private static partial void LogProgress(ILogger logger, string fileName, int rows, double rowsPerSecond);
}
