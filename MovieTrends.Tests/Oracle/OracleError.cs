namespace MovieTrends.Tests.Oracle;

/// <summary>A question the service must refuse, with the error code issue 13 names for it.</summary>
public sealed class OracleError(string code, string message) : Exception($"{code}: {message}")
{
    public const string UnknownDataset = "UNKNOWN_DATASET";
    public const string UnknownGenre = "UNKNOWN_GENRE";
    public const string FilterUnavailable = "FILTER_UNAVAILABLE";
    public const string InvalidFilter = "INVALID_FILTER";
    public const string MeasureUnavailable = "MEASURE_UNAVAILABLE";
    public const string InvalidLimit = "INVALID_LIMIT";

    public string Code => code;
}
