namespace MovieTrends.GraphQL.Database;

/// <summary>
/// How long one request may still wait on the database, all its calls together: each call waits at most
/// <see cref="DatabaseAvailability.CallBudget"/> and never more than is left, so a request that meets a frozen
/// server in two calls in a row (a shared read, then its own statement) is still answered DATABASE_TIMEOUT within
/// <see cref="PerRequest"/>. Only waiting counts: time between calls (a chat turn waiting for its model, resolvers
/// computing) costs nothing. Waits that overlap (sibling fields resolved in parallel) cost their union, the time the
/// request was held up by the database; as each wait is bounded by what was left when it began, that union never
/// passes the total.
/// </summary>
public sealed class DatabaseWaitBudget
{
    /// <summary>
    /// 5 s: one whole call's wait (4 s) and a second call's last second, and half the 10 s execution timeout
    /// (GraphQL:Limits:ExecutionTimeout), so that a request held up by the database is answered as the database's
    /// failure, never as the operation's TIMEOUT, with the other half left for its own work on a busy machine.
    /// </summary>
    public static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(5);

    private static readonly AsyncLocal<DatabaseWaitBudget?> CurrentRequest = new();

    private readonly TimeProvider _time;
    private readonly TimeSpan _total;
    private readonly Lock _gate = new();

    // Waits that ended, counted once where they overlapped; and the waits under way, since the timestamp when the
    // first of them began.
    private TimeSpan _spent;
    private int _waiting;
    private long _waitingSince;

    /// <param name="time">The clock waits are measured with; the system's unless a test drives it.</param>
    public DatabaseWaitBudget(TimeSpan total, TimeProvider? time = null)
    {
        _total = total;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The budget of the request this code runs for, or null outside a request (background work).</summary>
    public static DatabaseWaitBudget? Current => CurrentRequest.Value;

    /// <summary>What is left to wait, zero or less once spent.</summary>
    public TimeSpan Left
    {
        get
        {
            lock (_gate)
            {
                return _total - Spent();
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="budget"/> the current one for the calling code and all it starts (null: none, for work
    /// that is not the request's); disposing the scope puts the previous one back.
    /// </summary>
    public static Scope Enter(DatabaseWaitBudget? budget)
    {
        var previous = CurrentRequest.Value;
        CurrentRequest.Value = budget;
        return new Scope(previous);
    }

    /// <summary>
    /// Starts a wait of the current request (if any) that should last at most <paramref name="limit"/>; dispose
    /// the result when the wait ends. Its <see cref="DatabaseWait.Bound"/> is the limit, or what is left if less.
    /// </summary>
    /// <param name="limit">The call's own bound; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    public static DatabaseWait BeginWait(TimeSpan limit) =>
        Current is { } budget ? budget.Begin(limit) : new DatabaseWait(null, limit, isCutShort: false);

    private DatabaseWait Begin(TimeSpan limit)
    {
        lock (_gate)
        {
            var left = _total - Spent();
            if (left <= TimeSpan.Zero)
            {
                return new DatabaseWait(null, TimeSpan.Zero, isCutShort: true);
            }

            if (_waiting++ == 0)
            {
                _waitingSince = _time.GetTimestamp();
            }

            var cutShort = limit == Timeout.InfiniteTimeSpan || left < limit;
            return new DatabaseWait(this, cutShort ? left : limit, cutShort);
        }
    }

    private void End()
    {
        lock (_gate)
        {
            if (--_waiting == 0)
            {
                _spent += _time.GetElapsedTime(_waitingSince);
            }
        }
    }

    private TimeSpan Spent() => _waiting == 0 ? _spent : _spent + _time.GetElapsedTime(_waitingSince);

    /// <summary>Puts back the budget that was current before <see cref="Enter"/>.</summary>
    public readonly struct Scope(DatabaseWaitBudget? previous) : IDisposable
    {
        public void Dispose() => CurrentRequest.Value = previous;
    }

    /// <summary>One wait under way; ending it (disposing) stops counting it.</summary>
    public readonly struct DatabaseWait : IDisposable
    {
        private readonly DatabaseWaitBudget? _budget;

        internal DatabaseWait(DatabaseWaitBudget? budget, TimeSpan bound, bool isCutShort)
        {
            _budget = budget;
            Bound = bound;
            IsCutShort = isCutShort;
        }

        /// <summary>How long this wait may last: <see cref="Timeout.InfiniteTimeSpan"/> for no bound, zero when nothing is left.</summary>
        public TimeSpan Bound { get; }

        /// <summary>Bounded by what was left of the request's budget rather than by the call's own limit.</summary>
        public bool IsCutShort { get; }

        /// <summary>The request has no time left to wait: the call should fail at once, unstarted.</summary>
        public bool IsSpent => Bound == TimeSpan.Zero;

        /// <summary>
        /// Fails the call at once, unstarted, when <see cref="IsSpent"/>: a DATABASE_TIMEOUT that says nothing of the
        /// database now, since the request spent its waits on earlier calls.
        /// </summary>
        public void ThrowIfSpent()
        {
            if (IsSpent)
            {
                throw new TimeoutException(DatabaseFailure.WaitsSpent.Reason);
            }
        }

        public void Dispose() => _budget?.End();
    }
}
