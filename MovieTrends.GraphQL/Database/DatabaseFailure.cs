using System.Net.Sockets;
using Npgsql;

namespace MovieTrends.GraphQL.Database;

/// <summary>How the database failed a read: it could not be reached, or it did not answer in time.</summary>
public enum DatabaseFailureKind
{
    Unavailable,
    Timeout,
}

/// <summary>
/// A failure of the database itself, told apart from a bug in a query: the server is down, refuses
/// connections, is restarting or has run out of connections, or did not answer within the timeouts.
/// <see cref="Reason"/> is one line for the log; clients only ever see <see cref="Code"/> and <see cref="Message"/>.
/// </summary>
public sealed record DatabaseFailure(DatabaseFailureKind Kind, string Reason)
{
    public const string UnavailableCode = "DATABASE_UNAVAILABLE";
    public const string TimeoutCode = "DATABASE_TIMEOUT";

    /// <summary>When a client may try again: a restarted server is usually back within seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public string Code => Kind == DatabaseFailureKind.Timeout ? TimeoutCode : UnavailableCode;

    public string Message => Kind == DatabaseFailureKind.Timeout
        ? "The movie database did not answer in time; try again in a few seconds."
        : "The movie database is unavailable right now; try again in a few seconds.";

    /// <summary>A call the service stopped waiting for: its own bound, not the driver's, ran out.</summary>
    public static DatabaseFailure NoAnswerWithin(TimeSpan wait) =>
        new(DatabaseFailureKind.Timeout, $"no answer within {wait.TotalSeconds:0.#} s");

    /// <summary>A call not made: the request had spent its <see cref="DatabaseWaitBudget"/> waiting on earlier calls.</summary>
    public static readonly DatabaseFailure WaitsSpent =
        new(DatabaseFailureKind.Timeout, $"the request's {DatabaseWaitBudget.PerRequest.TotalSeconds:0.#} s of database waits were spent");

    /// <summary>The database failure behind <paramref name="exception"/>, or null when it is something else.</summary>
    public static DatabaseFailure? Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var failure = current switch
            {
                PostgresException postgres => FromServer(postgres),
                TimeoutException => new DatabaseFailure(DatabaseFailureKind.Timeout, "no answer within the timeout"),
                SocketException socket => new DatabaseFailure(DatabaseFailureKind.Unavailable, $"socket error {socket.SocketErrorCode}"),
                // Npgsql's own (not the server's) errors are connection failures: refused, reset, stream ended.
                NpgsqlException npgsql when npgsql.InnerException is null or IOException or EndOfStreamException =>
                    new DatabaseFailure(DatabaseFailureKind.Unavailable, FirstLine(npgsql.Message)),
                _ => null,
            };
            if (failure is not null || current is PostgresException)
            {
                return failure;
            }
        }

        return null;
    }

    // Only the server's states that mean "not now": any other SQLSTATE is a query the service got wrong.
    private static DatabaseFailure? FromServer(PostgresException exception) => exception.SqlState switch
    {
        PostgresErrorCodes.QueryCanceled => new DatabaseFailure(DatabaseFailureKind.Timeout, Describe(exception)),
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections => new DatabaseFailure(DatabaseFailureKind.Unavailable, Describe(exception)),
        // Class 08: connection exceptions.
        { } state when state.StartsWith("08", StringComparison.Ordinal) => new DatabaseFailure(DatabaseFailureKind.Unavailable, Describe(exception)),
        _ => null,
    };

    private static string Describe(PostgresException exception) => $"{exception.SqlState} {FirstLine(exception.MessageText)}";

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
