namespace MovieTrends.GraphQL.Database;

/// <summary>
/// One value read whole from the catalog database and kept until <see cref="CatalogChanges"/> moves: read on first
/// use and again once the catalog changed, one read shared by every request that waits for it. A read that
/// overlapped an import serves the requests already waiting and is then dropped; a failed read is retried by the
/// next request. While the database cannot be read, the last value read keeps answering: a few seconds' staleness
/// beats no answer at all. A first read that outlasts a request's budget while the database answers is the
/// caller's to name (<c>stillReading</c>, say DATA_LOADING): the database is fine, the value just is not in yet.
/// </summary>
public sealed class SharedCatalogRead<T>
    where T : class
{
    private readonly CatalogChanges _changes;
    private readonly DatabaseAvailability _availability;
    private readonly Func<Task<T>> _readFromDatabase;
    private readonly Func<Exception>? _stillReading;
    private readonly Lock _gate = new();
    private Read? _current;
    private T? _lastRead;

    /// <param name="readFromDatabase">Reads the value; called under the availability watch, never with a caller's token.</param>
    /// <param name="stillReading">
    /// What a request gets that waited out its budget for the first read while the database still answers; null:
    /// DATABASE_TIMEOUT, as for any wait that ran out.
    /// </param>
    public SharedCatalogRead(
        CatalogChanges changes, DatabaseAvailability availability, Func<Task<T>> readFromDatabase, Func<Exception>? stillReading = null)
    {
        _changes = changes;
        _availability = availability;
        _readFromDatabase = readFromDatabase;
        _stillReading = stillReading;
    }

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is { Task.IsCompletedSuccessfully: true } && current.Version == _changes.Version)
        {
            return current.Task;
        }

        lock (_gate)
        {
            var version = _changes.Version;
            if (_current is null || _current.Task.IsFaulted || _current.Task.IsCanceled || _current.Version != version)
            {
                // Not the caller's token: the read is shared, and one client going away must not fail the others.
                Volatile.Write(ref _current, new Read(version, DatabaseAvailability.Timestamp(), ReadAsync()));
            }

            var read = _current!;
            if (_lastRead is null)
            {
                // Nothing to fall back to: a request waits what is left of its budget (a bulk load may take longer
                // than one call's), background work as long as the read takes.
                return DatabaseWaitBudget.Current is null ? read.Task.WaitAsync(cancellationToken) : WithinBudgetAsync(read, cancellationToken);
            }

            // Known down: answer with the last value now, and let the read in flight refresh it if the database is
            // back. Otherwise wait for the read, and fall back to the last value if the database fails it or
            // has not answered within a request's call budget.
            return _availability.IsAvailable ? OrLastReadAsync(read, _lastRead, _availability, cancellationToken) : Task.FromResult(_lastRead);
        }
    }

    private async Task<T> WithinBudgetAsync(Read read, CancellationToken cancellationToken)
    {
        using (var wait = DatabaseWaitBudget.BeginWait(Timeout.InfiniteTimeSpan))
        {
            wait.ThrowIfSpent();
            try
            {
                // The read keeps running for the others whatever this request does.
                return await read.Task.WaitAsync(wait.Bound, cancellationToken);
            }
            catch (TimeoutException) when (_stillReading is null || read.Task.IsCompleted)
            {
                throw;
            }
            catch (TimeoutException)
            {
                // Decided below, once this request no longer counts as waiting on the read.
            }
        }

        // Still reading: a server that answers now is reading for it (a million movies take seconds), one that does
        // not is frozen or gone, and the request is a DATABASE_TIMEOUT like any other wait that ran out.
        if (_stillReading is { } stillReading && await _availability.AnswersNowAsync().WaitAsync(cancellationToken))
        {
            throw stillReading();
        }

        throw new TimeoutException(DatabaseFailure.NoAnswerWithin(DatabaseWaitBudget.PerRequest).Reason);
    }

    private static async Task<T> OrLastReadAsync(Read read, T lastRead, DatabaseAvailability availability, CancellationToken cancellationToken)
    {
        using var wait = DatabaseWaitBudget.BeginWait(DatabaseAvailability.CallBudget);
        if (wait.IsSpent)
        {
            return lastRead;
        }

        try
        {
            return await read.Task.WaitAsync(wait.Bound, cancellationToken);
        }
        catch (TimeoutException) when (!read.Task.IsCompleted)
        {
            // Still running after a request's call budget: as good as failed, since a frozen server fails it only once
            // the driver gives up. Known down from now on, so the next shared read a request waits on answers with its
            // last value at once. A wait cut short by what was left of the request's budget is too short to tell.
            if (!wait.IsCutShort)
            {
                availability.ReportFailure(DatabaseFailure.NoAnswerWithin(DatabaseAvailability.CallBudget), read.StartedAt);
            }

            return lastRead;
        }
        catch (Exception exception) when (DatabaseFailure.Classify(exception) is not null)
        {
            return lastRead;
        }
    }

    private async Task<T> ReadAsync()
    {
        // The driver's bounds only, and no request's budget: a shared read may be a bulk load longer than one
        // request's call, and every request waiting on it waits within its own budget.
        var value = await _availability.ObserveInBackgroundAsync(_readFromDatabase);
        Volatile.Write(ref _lastRead, value);
        return value;
    }

    /// <summary>A read, the catalog version it started at and when (a <see cref="DatabaseAvailability.Timestamp"/>).</summary>
    private sealed record Read(long Version, long StartedAt, Task<T> Task);
}
