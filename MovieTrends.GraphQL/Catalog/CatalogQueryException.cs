using MovieTrends.Catalog;
using MovieTrends.GraphQL.Errors;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>A request the catalog cannot answer as asked; <see cref="CodedException.Code"/> tells the client what to fix.</summary>
public sealed class CatalogQueryException(string code, string message) : CodedException(code, message)
{
    /// <summary>UNKNOWN_DATASET: names what was asked for and lists the datasets there are.</summary>
    public static CatalogQueryException UnknownDataset(string? id, IEnumerable<Dataset> datasets) =>
        new(CatalogErrorCodes.UnknownDataset,
            $"Unknown dataset {ClientValue.Quote(id)}. Valid datasets: {string.Join(", ", datasets.Select(dataset => dataset.Id))}.");

    /// <summary>UNKNOWN_GENRE: names what was asked for and lists the genres there are.</summary>
    public static CatalogQueryException UnknownGenre(string name, IEnumerable<string> known) =>
        new(CatalogErrorCodes.UnknownGenre, $"Unknown genre {ClientValue.Quote(name)}. Valid genres: {string.Join(", ", known)}.");
}

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
