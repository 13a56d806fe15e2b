namespace MovieTrends.Catalog;

/// <summary>
/// The bounds of every catalog question: the API checks arguments against them, the importer ranks each year
/// deep enough for the largest list, and the web reads them from the API's descriptions and errors.
/// </summary>
public static class CatalogLimits
{
    public const int FirstYear = 1800;
    public const int LastYear = 2100;
    public const int MaxRangeYears = 200;

    /// <summary>Movies in each popularity list.</summary>
    public const int MinLimit = 1;
    public const int MaxLimit = 50;
    public const int DefaultLimit = 5;

    /// <summary>Movies in each page of the drill-down list (<c>movies(first:)</c>).</summary>
    public const int MinPageSize = 1;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
}
