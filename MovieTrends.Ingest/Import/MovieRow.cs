using MovieTrends.Ingest.Import.Layouts;

namespace MovieTrends.Ingest.Import;

/// <summary>One movie as read from a data file, validated and ready to stage.</summary>
public sealed record MovieRow(
    int Id,
    string Title,
    DateOnly? ReleaseDate,
    double Popularity,
    decimal? VoteAverage,
    int? VoteCount,
    string? Overview,
    string[] Genres)
{
    public MovieDetails Details { get; init; } = MovieDetails.Unknown;
}
