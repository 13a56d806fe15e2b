namespace MovieTrends.GraphQL.Errors;

/// <summary>
/// A question about a dataset whose movies the service is still reading into memory, after a start or an import,
/// with the database answering: nothing is wrong but time, so it is told apart from the database's own failures
/// (DATABASE_UNAVAILABLE, DATABASE_TIMEOUT), and says which dataset and when to come back.
/// </summary>
public sealed class DataLoadingException(string dataset)
    : CodedException(
        ErrorCode,
        $"The dataset '{dataset}' is still being loaded; try again in {RetryAfterSeconds} seconds.",
        TimeSpan.FromSeconds(RetryAfterSeconds),
        new Dictionary<string, object?> { [DatasetExtension] = dataset })
{
    public const string ErrorCode = "DATA_LOADING";

    /// <summary>The extension naming the dataset, so a client can tell which of its questions to ask again.</summary>
    public const string DatasetExtension = "dataset";

    /// <summary>
    /// A million movies take 6-25 s to read, and the request has already waited its database budget: a few more
    /// seconds, then the client asks again.
    /// </summary>
    private const int RetryAfterSeconds = 5;
}
