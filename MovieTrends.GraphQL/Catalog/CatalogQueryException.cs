using MovieTrends.GraphQL.Errors;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>A request the catalog cannot answer as asked; <see cref="CodedException.Code"/> tells the client what to fix.</summary>
public sealed class CatalogQueryException(string code, string message) : CodedException(code, message);

/// <summary>The error codes clients (the web frontend, the chat) branch on.</summary>
public static class CatalogErrorCodes
{
    public const string InvalidRange = "INVALID_RANGE";
    public const string RangeTooLarge = "RANGE_TOO_LARGE";
    public const string InvalidLimit = "INVALID_LIMIT";
    public const string UnknownGenre = "UNKNOWN_GENRE";
    public const string YearOutOfRange = "YEAR_OUT_OF_RANGE";
    public const string UnknownDataset = "UNKNOWN_DATASET";
    public const string MeasureUnavailable = "MEASURE_UNAVAILABLE";
    public const string FilterUnavailable = "FILTER_UNAVAILABLE";
    public const string InvalidFilter = "INVALID_FILTER";
    public const string InvalidCursor = "INVALID_CURSOR";
}
