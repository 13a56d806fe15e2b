namespace MovieTrends.Catalog;

/// <summary>Movies per genre per year; <c>Counts[i]</c> and <c>Totals[i]</c> belong to <c>Years[i]</c>.</summary>
public sealed record GenreTrends(
    int From,
    int To,
    IReadOnlyList<int> Years,
    IReadOnlyList<GenreSeries> Series,
    IReadOnlyList<int> Totals)
{
    /// <summary>What <see cref="GenreSeries.Values"/> hold.</summary>
    public TrendMeasure Measure { get; init; } = TrendMeasure.Movies;
}

public sealed record GenreSeries(string Genre, IReadOnlyList<int> Counts, int Total)
{
    /// <summary>The measure per year, null where no movie has a known value; null as a whole means the counts (MOVIES).</summary>
    public IReadOnlyList<double?>? Values { get; init; }

    /// <summary>Movies of <see cref="Counts"/> with a known value per year; null as a whole means all of them.</summary>
    public IReadOnlyList<int>? Known { get; init; }
}

public sealed record PopularityReport(int Year, int MovieCount, IReadOnlyList<Movie> Top, IReadOnlyList<Movie> Bottom);

public sealed record Movie(
    int Id,
    string Title,
    DateOnly? ReleaseDate,
    double Popularity,
    double? VoteAverage,
    int? VoteCount,
    IReadOnlyList<string> Genres,
    string? Overview)
{
    public int? Year => ReleaseDate?.Year;

    /// <summary>Minutes; null when unknown.</summary>
    public int? Runtime { get; init; }

    /// <summary>Nominal US dollars as recorded; null when unknown.</summary>
    public long? Budget { get; init; }

    /// <summary>Nominal US dollars as recorded; null when unknown.</summary>
    public long? Revenue { get; init; }

    /// <summary>ISO 639-1 code, e.g. <c>en</c>; null when the dataset does not say.</summary>
    public string? OriginalLanguage { get; init; }

    /// <summary>TMDB release status, e.g. <c>Released</c>; null when the dataset does not say.</summary>
    public string? Status { get; init; }

    public string TmdbUrl => $"https://www.themoviedb.org/movie/{Id}";
}

public sealed record GenreSummary(string Name, int MovieCount);

public sealed record CatalogSummary(
    int MovieCount,
    int UndatedCount,
    int GenreCount,
    int FirstYear,
    int LastYear,
    IReadOnlyList<string> Sources,
    DateTimeOffset? LastImportAt);
