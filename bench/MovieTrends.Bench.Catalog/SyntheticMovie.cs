namespace MovieTrends.Bench.Catalog;

public sealed record SyntheticMovie(
    int Id,
    string Title,
    DateOnly? ReleaseDate,
    IReadOnlyList<string> Genres,
    double Popularity,
    double VoteAverage,
    int VoteCount,
    int Runtime,
    long Budget,
    long Revenue,
    string OriginalLanguage,
    string Status,
    string Overview);
