using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using nietras.SeparatedValues;

namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>
/// One of the TMDB file layouts: which columns hold the title and the genres, how genres and release
/// dates are written. A file is recognized when its header holds every column the layout reads
/// (in any order; other columns are ignored).
/// </summary>
public abstract class MovieLayout(string name, string titleColumn, string genresColumn, params string[] extraColumns)
{
    private const string IdColumn = "id";
    private const string PopularityColumn = "popularity";
    private const string VoteAverageColumn = "vote_average";
    private const string VoteCountColumn = "vote_count";
    private const string OverviewColumn = "overview";
    protected const string ReleaseDateColumn = "release_date";

    /// <summary>The layouts the importer understands, in detection order.</summary>
    public static IReadOnlyList<MovieLayout> All { get; } = [new TmdbMoviesLayout(), new Tmdb5000Layout(), new TopRatedLayout()];

    /// <summary>Stored with every movie and import: popularity is only comparable within one layout.</summary>
    public string Name => name;

    /// <summary>
    /// The dataset a file of this layout is imported into: each bundled file has its own layout, and the layout's
    /// name is the dataset's id, so the file's header says where it goes.
    /// </summary>
    public string Dataset => name;

    public IReadOnlyList<string> Columns { get; } =
        [IdColumn, titleColumn, genresColumn, ReleaseDateColumn, PopularityColumn, VoteAverageColumn, VoteCountColumn, OverviewColumn, .. extraColumns];

    public static MovieLayout? Detect(IReadOnlyList<string> header) =>
        All.FirstOrDefault(layout => layout.Columns.All(header.Contains));

    /// <summary>Reads one record, or says why it cannot be loaded.</summary>
    internal bool TryRead(SepReader.Row row, GenreNames genreNames, DetailColumns details,
        [NotNullWhen(true)] out MovieRow? movie, [NotNullWhen(false)] out string? error)
    {
        movie = null;
        if (!Fields.TryParseId(row[IdColumn].Span, out var id, out error)
            || !Fields.TryParseTitle(titleColumn, row[titleColumn].Span, out var title, out error)
            || !Fields.TryParseNumber<double>(PopularityColumn, row[PopularityColumn].Span, NumberStyles.Float, out var popularity, out error)
            || !Fields.TryParseOptionalNumber<decimal>(VoteAverageColumn, row[VoteAverageColumn].Span, NumberStyles.Float, out var voteAverage, out error)
            || !Fields.TryParseOptionalNumber<int>(VoteCountColumn, row[VoteCountColumn].Span, NumberStyles.AllowLeadingSign, out var voteCount, out error)
            || !TryParseReleaseDate(row, out var releaseDate, out error)
            || !TryParseGenres(row[genresColumn].Span, genreNames, out var genres, out error)
            || !details.TryRead(row, out var movieDetails, out error))
        {
            return false;
        }

        movie = new MovieRow(id, title, releaseDate, popularity, voteAverage, voteCount,
            Fields.OptionalText(row[OverviewColumn].Span), genres) { Details = movieDetails };
        return true;
    }

    private protected abstract bool TryParseGenres(ReadOnlySpan<char> value, GenreNames genreNames,
        out string[] genres, [NotNullWhen(false)] out string? error);

    protected virtual bool TryParseReleaseDate(SepReader.Row row, out DateOnly? date, [NotNullWhen(false)] out string? error) =>
        Fields.TryParseIsoDate(ReleaseDateColumn, row[ReleaseDateColumn].Span, out date, out error);

    public override string ToString() => $"{Name} ({string.Join(", ", Columns)})";
}
