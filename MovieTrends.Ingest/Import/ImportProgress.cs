using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// Logs the read rate and how much of the file is read about once a second, so a long import shows it is
/// alive, how fast it goes and how far it has come.
/// </summary>
internal sealed partial class ImportProgress(ILogger logger, string fileName, Func<double> readFraction)
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
        LogProgress(logger, fileName, rowsRead, rowsRead / _clock.Elapsed.TotalSeconds, readFraction());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FileName}: {Rows:N0} rows read ({RowsPerSecond:N0} rows/s), {ReadFraction:P0} of the file")]
    private static partial void LogProgress(ILogger logger, string fileName, int rows, double rowsPerSecond, double readFraction);
}
