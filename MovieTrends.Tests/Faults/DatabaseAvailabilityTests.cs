using Microsoft.Extensions.Logging;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.Tests.Chat;
using Npgsql;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// The outage tracker's rules: one line when the database goes down, one when it is back, and calls that were
/// already under way when it changed do not change it back.
/// </summary>
[Trait("Layer", "Fast")]
public sealed class DatabaseAvailabilityTests : IDisposable
{
    private static readonly DatabaseFailure Refused = new(DatabaseFailureKind.Unavailable, "connection refused");

    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create($"Host=db.invalid;Database={CatalogConnection.Name}");
    private readonly DatabaseAvailability _availability;

    public DatabaseAvailabilityTests()
    {
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
        _availability = new DatabaseAvailability(_dataSource, _loggerFactory.CreateLogger<DatabaseAvailability>());
    }

    [Fact]
    public void Many_failures_and_many_successes_are_one_line_each()
    {
        for (var i = 0; i < 100; i++)
        {
            _availability.ReportFailure(Refused, DatabaseAvailability.Timestamp());
        }

        Assert.False(_availability.IsAvailable);
        for (var i = 0; i < 100; i++)
        {
            _availability.ReportSuccess(DatabaseAvailability.Timestamp());
        }

        Assert.True(_availability.IsAvailable);
        Assert.Collection(
            _logs.Lines,
            line => Assert.Contains("database unavailable: connection refused", line),
            line => Assert.Matches(@"database available again after \d+\.\d s", line));
    }

    [Fact]
    public void A_call_that_began_before_the_outage_does_not_end_it()
    {
        var startedBefore = DatabaseAvailability.Timestamp();
        _availability.ReportFailure(Refused, DatabaseAvailability.Timestamp());

        _availability.ReportSuccess(startedBefore);

        Assert.False(_availability.IsAvailable);
        Assert.Single(_logs.Lines);
    }

    [Fact]
    public void A_call_that_began_before_the_recovery_does_not_start_a_new_outage()
    {
        var startedBefore = DatabaseAvailability.Timestamp();
        _availability.ReportFailure(Refused, startedBefore);
        _availability.ReportSuccess(DatabaseAvailability.Timestamp());

        _availability.ReportFailure(Refused, startedBefore);

        Assert.True(_availability.IsAvailable);
        Assert.Equal(2, _logs.Lines.Count);
    }

    [Fact]
    public async Task Observing_a_call_reports_a_database_failure_and_rethrows_it_unchanged()
    {
        var failure = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException());

        var thrown = await Assert.ThrowsAsync<NpgsqlException>(() => _availability.ObserveAsync(() => Task.FromException<int>(failure), CancellationToken.None));

        Assert.Same(failure, thrown);
        Assert.False(_availability.IsAvailable);
    }

    [Fact]
    public async Task A_request_that_ends_stops_waiting_on_a_call_that_never_answers_and_says_nothing_of_the_database()
    {
        using var requestEnds = new CancellationTokenSource();
        var neverAnswers = new TaskCompletionSource<int>();
        var waiting = _availability.ObserveAsync(() => neverAnswers.Task, requestEnds.Token);

        await requestEnds.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(_availability.IsAvailable);
        Assert.Empty(_logs.Lines);
    }

    [Fact]
    public async Task Observing_a_call_ignores_failures_that_are_not_the_database()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _availability.ObserveAsync(() => Task.FromException<int>(new InvalidOperationException()), CancellationToken.None));

        Assert.True(_availability.IsAvailable);
        Assert.Empty(_logs.Lines);
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _dataSource.Dispose();
    }
}
