using System.Text.Json;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using GraphQL;
using MovieTrends.GraphQL.Movies;
using static System.FormattableString;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// The catalog reads an answer may make, each recorded as a citation. One instance per answer:
/// the model's tools and the offline analyst both go through it, so both cite the same way.
/// </summary>
public sealed class CatalogTools(ICatalogReader reader)
{
    public const string GenreTrendsTool = "genre_trends";
    public const string GenreRankingTool = "genre_ranking";
    public const string PopularityTool = "popularity";
    public const string CatalogTool = "catalog";
    public const string DatasetsTool = "datasets";
    public const string MoviesTool = "movies";

    private static readonly JsonSerializerOptions ArgumentJson = new(JsonSerializerDefaults.Web);

    private readonly List<ChatCitation> _citations = [];

    public IReadOnlyList<ChatCitation> Citations => _citations;

    public Task<GenreTrends> GenreTrendsAsync(int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken) =>
        GenreTrendsAsync(from, to, genres, TrendMeasure.Movies, filter: null, dataset: null, cancellationToken);

    public Task<GenreTrends> GenreTrendsAsync(
        int from, int to, IReadOnlyList<string>? genres, TrendMeasure measure, MovieFilter? filter, string? dataset, CancellationToken cancellationToken) =>
        RecordAsync(
            GenreTrendsTool,
            Arguments(new() { ["from"] = from, ["to"] = to, ["genres"] = genres }, measure, filter, dataset),
            () => reader.GetGenreTrendsAsync(from, to, genres, measure, filter, dataset, cancellationToken),
            trends => Summarize(trends, filter));

    public Task<GenreRanking> GenreRankingAsync(
        int from, int to, TrendMeasure measure, MovieFilter? filter, string? dataset, CancellationToken cancellationToken) =>
        RecordAsync(
            GenreRankingTool,
            Arguments(new() { ["from"] = from, ["to"] = to, ["measure"] = MeasureText.Name(measure) }, TrendMeasure.Movies, filter, dataset),
            () => reader.GetGenreRankingAsync(from, to, measure, filter, dataset, cancellationToken),
            ranking => Summarize(ranking, filter));

    public Task<PopularityReport> PopularityAsync(int year, int limit, CancellationToken cancellationToken) =>
        PopularityAsync(year, limit, filter: null, dataset: null, cancellationToken);

    public Task<PopularityReport> PopularityAsync(int year, int limit, MovieFilter? filter, string? dataset, CancellationToken cancellationToken) =>
        RecordAsync(
            PopularityTool,
            Arguments(new() { ["year"] = year, ["limit"] = limit }, TrendMeasure.Movies, filter, dataset),
            () => reader.GetPopularityAsync(year, limit, filter, dataset, cancellationToken),
            report => Summarize(report, filter));

    public Task<CatalogSummary> CatalogAsync(CancellationToken cancellationToken) =>
        RecordAsync(CatalogTool, [], () => reader.GetCatalogAsync(cancellationToken), Summarize);

    public Task<IReadOnlyList<Dataset>> DatasetsAsync(CancellationToken cancellationToken) =>
        RecordAsync(DatasetsTool, [], () => reader.GetDatasetsAsync(cancellationToken), Summarize);

    public Task<MovieConnection> MoviesAsync(
        int from, int to, string? genre, MovieFilter? filter, MovieOrder order, int first, string? after, string? dataset,
        CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?> { ["from"] = from, ["to"] = to, ["genre"] = genre, ["orderBy"] = OrderName(order), ["first"] = first };
        if (after is not null)
        {
            arguments["after"] = after;
        }

        return RecordAsync(
            MoviesTool,
            Arguments(arguments, TrendMeasure.Movies, filter, dataset),
            () => reader.GetMoviesAsync(from, to, genre, filter, order, first, after, dataset, cancellationToken),
            list => Summarize(list, filter));
    }

    /// <summary>Cites a call refused before it could read (a name that is no measure); returns the refusal to throw.</summary>
    public CatalogQueryException Refuse(string tool, CatalogQueryException refusal)
    {
        _citations.Add(new ChatCitation(tool, "{}", $"{refusal.Code}: {refusal.Message}"));
        return refusal;
    }

    /// <summary>The order as the <c>movies</c> field's <c>MovieOrder</c> names it.</summary>
    public static string OrderName(MovieOrder order) => order.ToString().ToConstantCase();

    /// <summary>
    /// The arguments as the citation shows them. A default (MOVIES, no filter, the default dataset) is left out, so a
    /// citation names only what the question chose.
    /// </summary>
    private static Dictionary<string, object?> Arguments(Dictionary<string, object?> arguments, TrendMeasure measure, MovieFilter? filter, string? dataset)
    {
        if (measure != TrendMeasure.Movies)
        {
            arguments["measure"] = MeasureText.Name(measure);
        }

        if (filter is { IsEmpty: false })
        {
            var fields = new Dictionary<string, object?>();
            AddIfSet(fields, DatasetCoverage.LanguagesFilter, filter.Languages);
            AddIfSet(fields, DatasetCoverage.MinVotesFilter, filter.MinVotes);
            AddIfSet(fields, DatasetCoverage.MinRatingFilter, filter.MinRating);
            AddIfSet(fields, DatasetCoverage.ReleasedOnlyFilter, filter.ReleasedOnly);
            arguments["filter"] = fields;
        }

        if (dataset is not null)
        {
            arguments["dataset"] = dataset;
        }

        return arguments;
    }

    private static void AddIfSet(Dictionary<string, object?> fields, string name, object? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }

    private async Task<T> RecordAsync<T>(string tool, Dictionary<string, object?> arguments, Func<Task<T>> read, Func<T, string> summarize)
    {
        var argumentsJson = JsonSerializer.Serialize(arguments, ArgumentJson);
        try
        {
            var result = await read();
            _citations.Add(new ChatCitation(tool, argumentsJson, summarize(result)));
            return result;
        }
        catch (CatalogQueryException e)
        {
            _citations.Add(new ChatCitation(tool, argumentsJson, $"{e.Code}: {e.Message}"));
            throw;
        }
    }

    private static string Summarize(GenreTrends trends, MovieFilter? filter)
    {
        var range = $"{trends.From}–{trends.To}";
        var movies = filter is { IsEmpty: false } ? "movies that pass the filter" : "dated movies";
        if (trends.Series.Count == 0)
        {
            return $"{range}: no {movies}.";
        }

        var largest = trends.Series[0];
        var summary = Invariant($"{range}: {trends.Totals.Sum():N0} {movies}, {trends.Series.Count} genres; largest {largest.Genre} ({largest.Total:N0}).");
        if (trends.Measure == TrendMeasure.Movies || largest.Values is not { } values)
        {
            return summary;
        }

        // The measure in the first and last year for the largest genres, so the citation carries the figures.
        var shown = trends.Series.Take(3).Select(series => Invariant(
            $"{series.Genre} {MeasureText.Format(trends.Measure, series.Values?[0])} → {MeasureText.Format(trends.Measure, series.Values?[^1])}"));
        return $"{summary} {MeasureText.Name(trends.Measure)} {trends.From} → {trends.To}: {string.Join("; ", shown)}.";
    }

    private static string Summarize(GenreRanking ranking, MovieFilter? filter)
    {
        var range = $"{ranking.From}–{ranking.To}";
        var movies = filter is { IsEmpty: false } ? "movies that pass the filter" : "dated movies";
        if (ranking.Genres.Count == 0)
        {
            return $"{range} in {ranking.Dataset}: no {movies}.";
        }

        var figures = ranking.Genres.Select(genre => Invariant(
            $"{genre.Genre} {MeasureText.Format(ranking.Measure, genre.Value)} ({genre.Known:N0} of {genre.Movies:N0} known)"));
        return Invariant($"{range} in {ranking.Dataset}, {ranking.Movies:N0} {movies}; {MeasureText.Name(ranking.Measure)} over the range: {string.Join("; ", figures)}.");
    }

    private static string Summarize(PopularityReport report, MovieFilter? filter)
    {
        var movies = filter is { IsEmpty: false } ? "movies that pass the filter" : "dated movies";
        return report.Top.Count == 0
            ? $"{report.Year}: no {movies}."
            : Invariant($"{report.Year}: {report.MovieCount:N0} {movies}; most popular {report.Top[0].Title} ({report.Top[0].Popularity:0.##}), least popular {report.Bottom[0].Title} ({report.Bottom[0].Popularity:0.##}).");
    }

    private static string Summarize(MovieConnection list, MovieFilter? filter)
    {
        var movies = filter is { IsEmpty: false } ? "movies pass the filter" : "dated movies";
        return list.Nodes.Count == 0
            ? $"No {movies.Replace(" pass", " passing", StringComparison.Ordinal)}."
            : Invariant($"{list.TotalCount:N0} {movies}; first {list.Nodes.Count}: {string.Join(", ", list.Nodes.Select(movie => $"{movie.Title} ({movie.Year}, rated {movie.VoteAverage:0.0} by {movie.VoteCount:N0})"))}.");
    }

    private static string Summarize(CatalogSummary catalog) =>
        Invariant($"{catalog.MovieCount:N0} movies ({catalog.UndatedCount:N0} undated), {catalog.GenreCount} genres, {catalog.FirstYear}–{catalog.LastYear}.");

    private static string Summarize(IReadOnlyList<Dataset> datasets) =>
        string.Join("; ", datasets.Select(dataset => Invariant(
            $"{dataset.Id}{(dataset.IsDefault ? " (default)" : "")}: {dataset.MovieCount:N0} movies, {dataset.FirstYear}–{dataset.LastYear}, measures {string.Join(", ", dataset.Measures.Select(MeasureText.Name))}, filters {(dataset.Filters.Count == 0 ? "none" : string.Join(", ", dataset.Filters))}"))) + ".";
}
