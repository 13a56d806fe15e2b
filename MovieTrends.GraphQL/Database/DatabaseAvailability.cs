using System.Diagnostics;
using Npgsql;

namespace MovieTrends.GraphQL.Database;

/// <summary>
/// Whether the catalog database answers, as the service's own calls find it. Logs one line when it goes down
/// and one when it is back, instead of one error per failed request: an outage under load is thousands of
/// identical failures, and the only news in them is when it started and how long it lasted.
/// A call's outcome counts only if the call began after the last change: one that was already waiting when the
/// database went down or came back says nothing about it now. Going down also empties the connection pool:
/// a killed server leaves idle connections that would each fail one more request after it is back.
/// </summary>
public sealed partial class DatabaseAvailability(NpgsqlDataSource dataSource, ILogger<DatabaseAvailability> logger)
{
    private readonly Lock _gate = new();

    // Stopwatch timestamps: the first failure of the current outage (0 while the database answers), and the
    // first success after the last outage.
    private long _downSince;
    private long _upSince;

    /// <summary>
    /// Longest a request waits for one database call: the pool's wait plus a statement's (Timeout + Command
    /// Timeout, see <see cref="CatalogDataSourceExtensions"/>) would be 5 s; 4 s leaves a second call in a row
    /// (a shared read, then the request's own statement) a second of the request's
    /// <see cref="DatabaseWaitBudget.PerRequest"/>, which bounds all its waits together.
    /// </summary>
    public static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(4);

    public bool IsAvailable => Volatile.Read(ref _downSince) == 0;

    /// <summary>Taken before a database call, to report its outcome with.</summary>
    public static long Timestamp() => Stopwatch.GetTimestamp();

    /// <summary>
    /// Runs one database call of a request and reports how it went; a database failure is rethrown for the caller
    /// to name. The request waits at most <see cref="CallBudget"/>, and no more than is left of its
    /// <see cref="DatabaseWaitBudget"/> (nothing left: DATABASE_TIMEOUT at once, the call unstarted): past it the
    /// call is a DATABASE_TIMEOUT, whatever the driver still waits for (the server's answer to its cancellation,
    /// say), and ends on its own bounds. The request's <paramref name="cancellationToken"/> (its execution timeout,
    /// the client going away) ends the wait too, though the driver's cancellation of a statement may not return.
    /// </summary>
    public Task<T> ObserveAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        ObserveAsync(call, CallBudget, cancellationToken);

    public async Task ObserveAsync(Func<Task> call, CancellationToken cancellationToken) =>
        await ObserveAsync(async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    /// <summary>
    /// Runs a call that is no request's own (a shared read's read, which requests wait for each within their own
    /// budget; a probe) and reports how it went: waits at most <paramref name="limit"/>, by default as long as the
    /// driver's bounds let the call run.
    /// </summary>
    public async Task<T> ObserveInBackgroundAsync<T>(Func<Task<T>> call, TimeSpan? limit = null)
    {
        Task<T> running;
        using (DatabaseWaitBudget.Enter(null))
        {
            running = ObserveAsync(call, limit ?? Timeout.InfiniteTimeSpan, CancellationToken.None);
        }

        return await running;
    }

    private async Task<T> ObserveAsync<T>(Func<Task<T>> call, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var wait = DatabaseWaitBudget.BeginWait(limit);
        // Says nothing of the database now: the request spent its waits on earlier calls.
        wait.ThrowIfSpent();

        var startedAt = Stopwatch.GetTimestamp();
        Task<T>? running = null;
        try
        {
            running = call();
            var result = await running.WaitAsync(wait.Bound, cancellationToken);
            ReportSuccess(startedAt);
            return result;
        }
        catch (OperationCanceledException) when (running is { IsCompleted: false })
        {
            // The request's own end, which says nothing of the database; the call is left to end on its own.
            _ = running.ContinueWith(static task => task.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw;
        }
        catch (TimeoutException) when (running is { IsCompleted: false })
        {
            // Left to end on its own: its outcome is already decided, and is only observed.
            _ = running.ContinueWith(static task => task.Exception, TaskContinuationOptions.OnlyOnFaulted);
            var failure = DatabaseFailure.NoAnswerWithin(wait.Bound);
            // A wait cut short by what was left of the request's budget is too short to call the database down.
            if (!wait.IsCutShort)
            {
                ReportFailure(failure, startedAt);
            }

            throw new TimeoutException(failure.Reason);
        }
        catch (Exception exception) when (DatabaseFailure.Classify(exception) is { } failure)
        {
            ReportFailure(failure, startedAt);
            throw;
        }
    }

    /// <summary>
    /// Longest <see cref="ProbeAsync"/> waits for the server's answer: as long as a readiness probe's
    /// (<see cref="CatalogDatabaseHealthCheck.Budget"/>), and with a request's 5 s of database waits still under its
    /// execution timeout.
    /// </summary>
    public static readonly TimeSpan ProbeBudget = CatalogDatabaseHealthCheck.Budget;

    // One probe answers every caller asking within this long of it: a start-up under load asks many at once.
    private static readonly TimeSpan ProbeReuse = TimeSpan.FromSeconds(1);

    private readonly Lock _probeGate = new();
    private Task<DatabaseFailure?>? _probe;
    private long _probeStartedAt;

    /// <summary>
    /// Whether the server answers a trivial statement now, within <see cref="ProbeBudget"/>: tells a long read that is
    /// making its way (a dataset's columns) from one a frozen or unreachable server holds up. Reports what it finds.
    /// </summary>
    public async Task<bool> AnswersNowAsync() => await ProbeAsync() is null;

    /// <summary>
    /// Asks the server a trivial statement (or takes the answer of one asked within the last second, unless the
    /// database went down or came back since): null when it answered within <see cref="ProbeBudget"/>, else how it
    /// failed. Reports what it finds.
    /// </summary>
    public Task<DatabaseFailure?> ProbeAsync()
    {
        lock (_probeGate)
        {
            if (_probe is null || (_probe.IsCompleted && Stopwatch.GetElapsedTime(_probeStartedAt) > ProbeReuse))
            {
                _probeStartedAt = Stopwatch.GetTimestamp();
                _probe = SelectOneWithinBudgetAsync();
            }

            return _probe;
        }
    }

    /// <summary>
    /// A probe that answered before the database went down or came back says nothing about it now: the next caller
    /// (readiness, say) asks again instead of reusing it. One still running is kept; its answer is news.
    /// </summary>
    private void ForgetFinishedProbe()
    {
        lock (_probeGate)
        {
            if (_probe is { IsCompleted: true })
            {
                _probe = null;
            }
        }
    }

    private async Task<DatabaseFailure?> SelectOneWithinBudgetAsync()
    {
        // The statement is cancelled at the same bound, but a frozen server answers the cancellation no sooner than
        // the statement: the wait ends at the bound and leaves the statement to end on its own.
        using var probeTimeout = new CancellationTokenSource(ProbeBudget);
        try
        {
            await ObserveInBackgroundAsync(() => SelectOneAsync(probeTimeout.Token), ProbeBudget);
            return null;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            return DatabaseFailure.NoAnswerWithin(ProbeBudget);
        }
        catch (Exception exception) when (DatabaseFailure.Classify(exception) is { } failure)
        {
            return failure;
        }
    }

    private async Task<object?> SelectOneAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <param name="startedAt">The <see cref="Timestamp"/> taken before the call that failed.</param>
    public void ReportFailure(DatabaseFailure failure, long startedAt)
    {
        if (!IsAvailable || startedAt < Volatile.Read(ref _upSince))
        {
            return;
        }

        lock (_gate)
        {
            if (_downSince != 0 || startedAt < _upSince)
            {
                return;
            }

            _downSince = Stopwatch.GetTimestamp();
        }

        ForgetFinishedProbe();
        dataSource.Clear();
        LogUnavailable(failure.Reason);
    }

    /// <param name="startedAt">The <see cref="Timestamp"/> taken before the call that succeeded.</param>
    public void ReportSuccess(long startedAt)
    {
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
            _upSince = Stopwatch.GetTimestamp();
        }

        ForgetFinishedProbe();

        LogAvailableAgain(Stopwatch.GetElapsedTime(downSince).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "database unavailable: {Reason}")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "database available again after {Seconds:F1} s")]
    private partial void LogAvailableAgain(double seconds);
}
