using System.Net.Sockets;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.Tests.Faults;

/// <summary>Which exceptions are the database being out (and named so) and which are bugs (INTERNAL_ERROR).</summary>
[Trait("Layer", "Fast")]
public sealed class DatabaseFailureTests
{
    [Theory]
    [InlineData("08006", "DATABASE_UNAVAILABLE")] // connection failure
    [InlineData("08001", "DATABASE_UNAVAILABLE")] // unable to connect
    [InlineData("57P01", "DATABASE_UNAVAILABLE")] // admin shutdown
    [InlineData("57P02", "DATABASE_UNAVAILABLE")] // crash shutdown
    [InlineData("57P03", "DATABASE_UNAVAILABLE")] // starting up
    [InlineData("53300", "DATABASE_UNAVAILABLE")] // too many connections
    [InlineData("57014", "DATABASE_TIMEOUT")] // statement cancelled
    [InlineData("42P01", null)] // undefined table: the service's own bug
    [InlineData("23505", null)] // unique violation
    [InlineData("22012", null)] // division by zero
    public void A_server_error_is_an_outage_only_for_the_states_that_mean_not_now(string sqlState, string? code)
    {
        var failure = DatabaseFailure.Classify(new PostgresException("message", "FATAL", "FATAL", sqlState));

        Assert.Equal(code, failure?.Code);
    }

    public static TheoryData<string, Exception, string?> ClientSideFailures => new()
    {
        { "command timeout", new NpgsqlException("Exception while reading from stream", new TimeoutException()), "DATABASE_TIMEOUT" },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), "DATABASE_TIMEOUT" },
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), "DATABASE_UNAVAILABLE" },
        { "stream ended", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), "DATABASE_UNAVAILABLE" },
        { "connection reset", new NpgsqlException("Exception while writing to stream", new IOException("reset")), "DATABASE_UNAVAILABLE" },
        { "bare timeout", new TimeoutException(), "DATABASE_TIMEOUT" },
        { "a failure behind an aggregate", new AggregateException(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))), "DATABASE_UNAVAILABLE" },
        { "client went away", new OperationCanceledException(), null },
        { "a bug", new InvalidOperationException("bug"), null },
        { "a cast in a reader", new NpgsqlException("Reading as 'Int32' is not supported", new InvalidCastException()), null },
    };

    [Theory]
    [MemberData(nameof(ClientSideFailures))]
    public void A_client_side_failure_is_told_apart_from_a_bug(string what, Exception exception, string? code)
    {
        Assert.True(code == DatabaseFailure.Classify(exception)?.Code, what);
    }
}
