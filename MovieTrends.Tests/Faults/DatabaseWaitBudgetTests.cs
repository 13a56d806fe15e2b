using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// A request's database waits drawn from one budget: waits in a row add up, time between them costs nothing,
/// parallel waits cost the time they overlap once, and a request with nothing left fails its next call unstarted.
/// The clock is the test's, moved by hand, so every figure is exact.
/// </summary>
[Trait("Layer", "Fast")]
public sealed class DatabaseWaitBudgetTests : IDisposable
{
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(5);

    private readonly ManualClock _clock = new();
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create($"Host=db.invalid;Database={CatalogConnection.Name}");
    private readonly DatabaseAvailability _availability;

    public DatabaseWaitBudgetTests() =>
        _availability = new DatabaseAvailability(_dataSource, NullLogger<DatabaseAvailability>.Instance);

    [Fact]
    public void Waits_in_a_row_spend_one_budget_and_the_last_is_cut_to_what_is_left()
    {
        using var request = DatabaseWaitBudget.Enter(new DatabaseWaitBudget(Total, _clock));

        using (var first = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4)))
        {
            Assert.Equal(TimeSpan.FromSeconds(4), first.Bound);
            Assert.False(first.IsCutShort);
            _clock.Advance(TimeSpan.FromSeconds(4));
        }

        using (var second = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4)))
        {
            Assert.Equal(TimeSpan.FromSeconds(1), second.Bound);
            Assert.True(second.IsCutShort);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var third = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4));
        Assert.True(third.IsSpent);
        Assert.Equal(TimeSpan.Zero, DatabaseWaitBudget.Current!.Left);
    }

    [Fact]
    public void Time_between_waits_costs_nothing()
    {
        var budget = new DatabaseWaitBudget(Total, _clock);
        using var request = DatabaseWaitBudget.Enter(budget);

        using (DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4)))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // A chat turn waiting for its model, say.
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(4), budget.Left);
    }

    [Fact]
    public void Overlapping_waits_cost_the_time_they_held_the_request_up()
    {
        var budget = new DatabaseWaitBudget(Total, _clock);
        using var request = DatabaseWaitBudget.Enter(budget);

        // 0-2 s and 1-3 s: held up for 3 s, though the waits add up to 4 s.
        var first = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(4), second.Bound);
        _clock.Advance(TimeSpan.FromSeconds(1));
        first.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        second.Dispose();

        Assert.Equal(TimeSpan.FromSeconds(2), budget.Left);
    }

    [Fact]
    public void A_wait_begun_while_another_runs_is_bounded_by_what_is_left_then()
    {
        using var request = DatabaseWaitBudget.Enter(new DatabaseWaitBudget(Total, _clock));

        using var first = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4));
        _clock.Advance(TimeSpan.FromSeconds(3.5));
        using var second = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4));

        Assert.Equal(TimeSpan.FromSeconds(1.5), second.Bound);
        Assert.True(second.IsCutShort);
    }

    [Fact]
    public async Task Sibling_calls_in_parallel_share_the_request_budget()
    {
        var budget = new DatabaseWaitBudget(Total, _clock);
        using var request = DatabaseWaitBudget.Enter(budget);
        var answers = new[] { new TaskCompletionSource<int>(), new TaskCompletionSource<int>() };
        var started = new[] { new TaskCompletionSource(), new TaskCompletionSource() };

        var calls = Enumerable.Range(0, 2).Select(i => Task.Run(() => _availability.ObserveAsync(() =>
        {
            started[i].SetResult();
            return answers[i].Task;
        }, CancellationToken.None))).ToArray();
        await Task.WhenAll(started.Select(call => call.Task));
        _clock.Advance(TimeSpan.FromSeconds(3));
        answers[0].SetResult(1);
        answers[1].SetResult(2);

        var values = await Task.WhenAll(calls);
        Assert.Equal(new[] { 1, 2 }, values);
        Assert.Equal(TimeSpan.FromSeconds(2), budget.Left);
    }

    [Fact]
    public async Task A_request_with_nothing_left_fails_its_next_call_unstarted_as_a_database_timeout()
    {
        using var request = DatabaseWaitBudget.Enter(new DatabaseWaitBudget(Total, _clock));
        var answer = new TaskCompletionSource<int>();
        var first = _availability.ObserveAsync(() => answer.Task, CancellationToken.None);
        _clock.Advance(Total);
        answer.SetResult(1);
        Assert.Equal(1, await first);

        var started = false;
        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => _availability.ObserveAsync(() =>
        {
            started = true;
            return Task.FromResult(2);
        }, CancellationToken.None));

        Assert.False(started);
        Assert.Equal(DatabaseFailure.TimeoutCode, DatabaseFailure.Classify(thrown)?.Code);
        // The request's own history says nothing of the database.
        Assert.True(_availability.IsAvailable);
    }

    [Fact]
    public async Task A_call_in_the_background_is_no_requests_wait()
    {
        var budget = new DatabaseWaitBudget(Total, _clock);
        using var request = DatabaseWaitBudget.Enter(budget);
        using (DatabaseWaitBudget.BeginWait(Timeout.InfiniteTimeSpan))
        {
            _clock.Advance(Total);
        }

        var answer = new TaskCompletionSource<int>();
        var read = _availability.ObserveInBackgroundAsync(() => answer.Task);
        _clock.Advance(TimeSpan.FromSeconds(10));
        answer.SetResult(3);

        Assert.Equal(3, await read);
        Assert.Equal(TimeSpan.Zero, budget.Left);
    }

    [Fact]
    public void Outside_a_request_a_wait_keeps_its_own_bound()
    {
        using var wait = DatabaseWaitBudget.BeginWait(TimeSpan.FromSeconds(4));

        Assert.Null(DatabaseWaitBudget.Current);
        Assert.Equal(TimeSpan.FromSeconds(4), wait.Bound);
        Assert.False(wait.IsCutShort);
    }

    public void Dispose() => _dataSource.Dispose();

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _now);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _now, by.Ticks);
    }
}
