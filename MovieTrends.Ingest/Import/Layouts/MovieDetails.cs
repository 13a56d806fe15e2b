namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>
/// What a file may say about a movie beyond the columns every layout has; null where the file has no such column
/// or the value is unknown (zero runtime, budget or revenue means unknown in these files).
/// </summary>
public sealed record MovieDetails(int? Runtime, long? Budget, long? Revenue, string? OriginalLanguage, string? Status)
{
    public static MovieDetails Unknown { get; } = new(null, null, null, null, null);
}
