namespace MovieTrends.Ingest.Import;

/// <summary>One movie as read from a data file, validated and ready to stage.</summary>
public sealed record MovieRow(
    int Id,
    string Title,
    DateOnly? ReleaseDate,
    double Popularity,
    float? VoteAverage,
    int? VoteCount,
    string? Overview,
    string[] Genres);
