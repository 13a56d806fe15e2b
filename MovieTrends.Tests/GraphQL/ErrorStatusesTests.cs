using GraphQL;
using MovieTrends.GraphQL.Errors;
using MovieTrends.GraphQL.Http;

namespace MovieTrends.Tests.GraphQL;

/// <summary>The one table from error codes to HTTP statuses, read without a host.</summary>
public sealed class ErrorStatusesTests
{
    public static TheoryData<string, RequestProblem, int> Refusals => new()
    {
        { "not JSON", RequestProblem.InvalidJson(), 400 },
        { "not UTF-8", RequestProblem.UnpairedSurrogate(), 400 },
        { "not a request", RequestProblem.InvalidRequest("'query' must be a string."), 400 },
        { "no query", RequestProblem.MissingQuery(), 400 },
        { "a mutation over GET", RequestProblem.MutationOverGet(), 405 },
        { "too large", RequestProblem.TooLarge(65_536), 413 },
        { "not application/json", RequestProblem.UnsupportedMediaType(), 415 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_transport_refusal_takes_its_status_from_its_code(string what, RequestProblem problem, int status)
    {
        Assert.True(status == problem.StatusCode, what);
    }

    [Fact]
    public void A_field_the_database_failed_asks_for_503_with_its_retry_time()
    {
        var result = Ran(
            new CodedError("UNKNOWN_GENRE", "No genre 'Cowboy Opera'."),
            new CodedError("DATABASE_TIMEOUT", "The movie database did not answer in time.", TimeSpan.FromSeconds(5)));

        var preferred = ErrorStatuses.Of(result);

        Assert.Equal(503, preferred?.StatusCode);
        Assert.Equal("5", preferred?.RetryAfterHeader);
    }

    [Fact]
    public void A_rate_limited_chat_asks_for_429_and_a_retry_rounded_up_to_whole_seconds()
    {
        var preferred = ErrorStatuses.Of(Ran(new CodedError("RATE_LIMITED", "Too many chat messages.", TimeSpan.FromSeconds(5.2))));

        Assert.Equal(429, preferred?.StatusCode);
        Assert.Equal("6", preferred?.RetryAfterHeader);
    }

    [Fact]
    public void Errors_that_say_what_to_fix_leave_the_status_to_GraphQL_over_HTTP()
    {
        var result = Ran(
            new CodedError("UNKNOWN_GENRE", "No genre 'Cowboy Opera'."),
            new CodedError("INTERNAL_ERROR", "The server could not answer this field; try again later."),
            new ExecutionError("Cannot return null for a non-null type."));

        Assert.Null(ErrorStatuses.Of(result));
        Assert.Null(ErrorStatuses.Of(new ExecutionResult { Executed = true }));
    }

    [Fact]
    public void An_operation_that_ran_out_of_its_execution_budget_asks_for_503_with_a_retry_time()
    {
        // As GraphQL.NET answers a timeout: no data, the request marked as never run.
        var timedOut = new ExecutionResult { Executed = false, Errors = [new global::GraphQL.Execution.TimeoutError()] };

        var preferred = ErrorStatuses.Of(timedOut);

        Assert.Equal(503, preferred?.StatusCode);
        Assert.Equal("5", preferred?.RetryAfterHeader);
    }

    [Fact]
    public void A_request_that_never_ran_keeps_its_validation_status()
    {
        var neverRan = new ExecutionResult { Executed = false, Errors = [new ExecutionError("Syntax error.") { Code = "SYNTAX_ERROR" }] };

        Assert.Null(ErrorStatuses.Of(neverRan));
    }

    private static ExecutionResult Ran(params ExecutionError[] errors)
    {
        var result = new ExecutionResult { Executed = true, Errors = [] };
        foreach (var error in errors)
        {
            result.Errors.Add(error);
        }

        return result;
    }
}
