using System.Diagnostics;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>
/// Whether the catalog database answers, as the service's own reads find it. Logs one line when it goes down
/// and one when it is back, instead of one error per failed request: an outage under load is thousands of
/// identical failures, and the only news in them is when it started and how long it lasted.
/// </summary>
public sealed partial class DatabaseAvailability(ILogger<DatabaseAvailability> logger)
{
    private readonly Lock _gate = new();

    // Stopwatch timestamp of the first failure of the current outage; 0 while the database answers.
    private long _downSince;

    public bool IsAvailable => Volatile.Read(ref _downSince) == 0;

    /// <summary>Taken before a database call, so its success can be told apart from one that started before an outage.</summary>
    public static long Timestamp() => Stopwatch.GetTimestamp();

    public void ReportFailure(DatabaseFailure failure)
    {
        if (!IsAvailable)
        {
            return;
        }

        lock (_gate)
        {
            if (_downSince != 0)
            {
                return;
            }

            _downSince = Stopwatch.GetTimestamp();
        }

        LogUnavailable(failure.Reason);
    }

    /// <param name="startedAt">The <see cref="Timestamp"/> taken before the call that succeeded.</param>
    public void ReportSuccess(long startedAt)
    {
        // A call that began before the outage was noticed proves nothing about the database now.
        var downSince = Volatile.Read(ref _downSince);
        if (downSince == 0 || startedAt < downSince)
        {
            return;
        }

        lock (_gate)
        {
            if (_downSince != downSince)
            {
                return;
            }

            _downSince = 0;
        }

        LogAvailableAgain(Stopwatch.GetElapsedTime(downSince).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "database unavailable: {Reason}")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "database available again after {Seconds:F1} s")]
    private partial void LogAvailableAgain(double seconds);
}
