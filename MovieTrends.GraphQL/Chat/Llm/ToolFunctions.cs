using System.ComponentModel;
using Microsoft.Extensions.AI;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Chat.Offline;
using MovieTrends.GraphQL.Movies;

namespace MovieTrends.GraphQL.Chat.Llm;

/// <summary>
/// The model's tools: typed arguments only, each call a read through <see cref="CatalogTools"/>.
/// Nothing the model writes is ever run as code or SQL.
/// </summary>
public static class ToolFunctions
{
    /// <summary>A tool argument outside its list of names (a measure, an order): answered to the model only, never to a client.</summary>
    public const string InvalidArgumentCode = "INVALID_ARGUMENT";

    private const string MeasureDescription =
        "MOVIES (default), SHARE (percent of the year's movies), AVERAGE_RATING (mean rating of movies with votes), " +
        "MEDIAN_RUNTIME (minutes), MEDIAN_BUDGET, MEDIAN_REVENUE, TOTAL_REVENUE (nominal US dollars), " +
        "MEDIAN_ROI (median revenue ÷ budget, movies with both known). Zero budgets, revenues and runtimes are unknown and left out.";

    private const string DatasetDescription = "Dataset id from the datasets tool; omit for the default dataset.";
    private const string LanguagesDescription = "Filter: original language codes (ISO 639-1, e.g. \"fr\"); omit for any.";
    private const string MinVotesDescription = "Filter: at least this many votes (0 or more); omit for any.";
    private const string MinRatingDescription = "Filter: rating at least this (0–10); movies without votes never pass; omit for any.";
    private const string ReleasedOnlyDescription = "Filter: true for only movies with status Released; omit for any.";

    public static IList<AITool> For(CatalogTools tools) =>
    [
        AIFunctionFactory.Create(
            (
                [CatalogDescription("First year, inclusive ({FirstYear}–{LastYear}).")] int from,
                [CatalogDescription("Last year, inclusive; at most {MaxRangeYears} years after from.")] int to,
                [Description("Genre names to include (zeros included); omit for every genre with movies in the range.")] string[]? genres = null,
                [Description(MeasureDescription)] string? measure = null,
                [Description(LanguagesDescription)] string[]? languages = null,
                [Description(MinVotesDescription)] int? minVotes = null,
                [Description(MinRatingDescription)] double? minRating = null,
                [Description(ReleasedOnlyDescription)] bool? releasedOnly = null,
                [Description(DatasetDescription)] string? dataset = null,
                CancellationToken cancellationToken = default) =>
                ToolResult(async () => TrendsResult.Of(await tools.GenreTrendsAsync(
                    from, to, genres, ParseMeasure(tools, CatalogTools.GenreTrendsTool, measure), Filter(languages, minVotes, minRating, releasedOnly), dataset, cancellationToken))),
            CatalogTools.GenreTrendsTool,
            "Per genre per year from..to: counts[i] movies of years[i] that pass the filter, values[i] the measure over the known[i] of them with a known value (null when none); totals[i] is the number of distinct passing movies of years[i]. A movie counts once in each of its genres."),
        AIFunctionFactory.Create(
            (
                [CatalogDescription("First year, inclusive ({FirstYear}–{LastYear}).")] int from,
                [CatalogDescription("Last year, inclusive; at most {MaxRangeYears} years after from.")] int to,
                [Description(MeasureDescription)] string measure,
                [Description(LanguagesDescription)] string[]? languages = null,
                [Description(MinVotesDescription)] int? minVotes = null,
                [Description(MinRatingDescription)] double? minRating = null,
                [Description(ReleasedOnlyDescription)] bool? releasedOnly = null,
                [Description(DatasetDescription)] string? dataset = null,
                CancellationToken cancellationToken = default) =>
                ToolResult(async () => RankingResult.Of(await tools.GenreRankingAsync(
                    from, to, ParseMeasure(tools, CatalogTools.GenreRankingTool, measure), Filter(languages, minVotes, minRating, releasedOnly), dataset, cancellationToken))),
            CatalogTools.GenreRankingTool,
            "Each genre's measure over the whole range from..to (one figure per genre, pooled over all its movies of those years, not per year), best first. Use it for \"which genre has the best/highest ... since 2000\". known is how many of the genre's movies have a value; prefer genres with enough of them."),
        AIFunctionFactory.Create(
            (
                [CatalogDescription("Release year ({FirstYear}–{LastYear}).")] int year,
                [CatalogDescription("How many movies in each list, {MinLimit}–{MaxLimit}.")] int limit = ViewSnapshot.PopularityListLength,
                [Description(LanguagesDescription)] string[]? languages = null,
                [Description(MinVotesDescription)] int? minVotes = null,
                [Description(MinRatingDescription)] double? minRating = null,
                [Description(ReleasedOnlyDescription)] bool? releasedOnly = null,
                [Description(DatasetDescription)] string? dataset = null,
                CancellationToken cancellationToken = default) =>
                ToolResult(async () => PopularityResult.From(await tools.PopularityAsync(
                    year, limit, Filter(languages, minVotes, minRating, releasedOnly), dataset, cancellationToken))),
            CatalogTools.PopularityTool,
            "The most and least popular movies released in a year that pass the filter, by TMDB popularity (a different scale in each dataset), and how many movies pass."),
        AIFunctionFactory.Create(
            (
                [CatalogDescription("First release year, inclusive ({FirstYear}–{LastYear}).")] int from,
                [CatalogDescription("Last release year, inclusive; at most {MaxRangeYears} years after from.")] int to,
                [Description("One genre name; omit for every genre.")] string? genre = null,
                [Description("POPULARITY_DESC (default), RATING_DESC (movies without votes last), REVENUE_DESC (unknown revenue last) or TITLE_ASC; ties by TMDB id.")] string? orderBy = null,
                [CatalogDescription("How many movies to list, 1–{MaxPageSize}.")] int first = QuestionParser.DefaultListLength,
                [Description("endCursor of the previous page, to read on; omit for the first page.")] string? after = null,
                [Description(LanguagesDescription)] string[]? languages = null,
                [Description(MinVotesDescription)] int? minVotes = null,
                [Description(MinRatingDescription)] double? minRating = null,
                [Description(ReleasedOnlyDescription)] bool? releasedOnly = null,
                [Description(DatasetDescription)] string? dataset = null,
                CancellationToken cancellationToken = default) =>
                ToolResult(async () => MoviesResult.Of(await tools.MoviesAsync(
                    from, to, genre, Filter(languages, minVotes, minRating, releasedOnly), ParseOrder(tools, orderBy), first, after, dataset, cancellationToken))),
            CatalogTools.MoviesTool,
            "The movies behind a bar or table cell: released from..to, of one genre or all, that pass the filter, in an order; totalCount is the whole list's length. Use it for \"show me the best-rated French dramas of the 90s\"."),
        AIFunctionFactory.Create(
            (CancellationToken cancellationToken) => ToolResult(async () => (await tools.DatasetsAsync(cancellationToken)).Select(DatasetResult.From).ToList()),
            CatalogTools.DatasetsTool,
            "The datasets side by side (never mix their figures): id, years, movies, the measures and filters each can answer, and how many movies have each value (unknown budgets and revenues are the gaps)."),
        AIFunctionFactory.Create(
            (CancellationToken cancellationToken) => ToolResult(() => tools.CatalogAsync(cancellationToken)),
            CatalogTools.CatalogTool,
            "Size of the default dataset: movie and genre counts, movies without a release date, first and last release year, data sources."),
    ];

    // A bad argument goes back to the model as an error it can correct, not as a failed answer.
    private static async Task<object?> ToolResult<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CatalogQueryException e)
        {
            return new { error = e.Code, message = e.Message };
        }
    }

    /// <exception cref="CatalogQueryException">INVALID_ARGUMENT for a name that is no measure (cited like any refusal).</exception>
    private static TrendMeasure ParseMeasure(CatalogTools tools, string tool, string? name) =>
        string.IsNullOrWhiteSpace(name) ? TrendMeasure.Movies
        : MeasureText.Parse(name) ?? throw tools.Refuse(tool, InvalidArgument("measure", name, Enum.GetValues<TrendMeasure>().Select(MeasureText.Name)));

    /// <exception cref="CatalogQueryException">INVALID_ARGUMENT for a name that is no order (cited like any refusal).</exception>
    private static MovieOrder ParseOrder(CatalogTools tools, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return MovieOrder.PopularityDesc;
        }

        var orders = Enum.GetValues<MovieOrder>();
        return orders.Where(order => string.Equals(CatalogTools.OrderName(order), name.Trim(), StringComparison.OrdinalIgnoreCase)).Cast<MovieOrder?>().FirstOrDefault()
            ?? throw tools.Refuse(CatalogTools.MoviesTool, InvalidArgument("orderBy", name, orders.Select(CatalogTools.OrderName)));
    }

    private static CatalogQueryException InvalidArgument(string argument, string value, IEnumerable<string> valid) =>
        new(InvalidArgumentCode, $"'{value}' is no {argument}; use one of {string.Join(", ", valid)}.");

    private static MovieFilter? Filter(string[]? languages, int? minVotes, double? minRating, bool? releasedOnly)
    {
        // Models send an empty list for "any language" as often as they leave it out; the API refuses an empty one.
        var filter = new MovieFilter(languages is { Length: 0 } ? null : languages, minVotes, minRating, releasedOnly);
        return filter.IsEmpty ? null : filter;
    }

    private sealed record TrendsResult(
        int From, int To, string Measure, IReadOnlyList<int> Years, IReadOnlyList<int> Totals, IReadOnlyList<GenreSeries> Series)
    {
        public static TrendsResult Of(GenreTrends trends) =>
            new(trends.From, trends.To, MeasureText.Name(trends.Measure), trends.Years, trends.Totals, trends.Series);
    }

    private sealed record RankingResult(string Dataset, int From, int To, string Measure, int Movies, IReadOnlyList<GenreFigure> Genres)
    {
        public static RankingResult Of(GenreRanking ranking) =>
            new(ranking.Dataset, ranking.From, ranking.To, MeasureText.Name(ranking.Measure), ranking.Movies, ranking.Genres);
    }

    private sealed record DatasetResult(
        string Id, string Name, bool IsDefault, int MovieCount, int UndatedCount, int FirstYear, int LastYear,
        IReadOnlyList<string> Measures, IReadOnlyList<string> Filters, DatasetCoverage MoviesWith)
    {
        public static DatasetResult From(Dataset dataset) =>
            new(dataset.Id, dataset.Name, dataset.IsDefault, dataset.MovieCount, dataset.UndatedCount, dataset.FirstYear, dataset.LastYear,
                [.. dataset.Measures.Select(MeasureText.Name)], dataset.Filters, dataset.Coverage);
    }

    private sealed record MoviesResult(int TotalCount, bool HasNextPage, string? EndCursor, IReadOnlyList<MovieResult> Movies)
    {
        public static MoviesResult Of(MovieConnection list) =>
            new(list.TotalCount, list.PageInfo.HasNextPage, list.PageInfo.EndCursor, [.. list.Nodes.Select(MovieResult.From)]);
    }

    private sealed record PopularityResult(int Year, int MovieCount, IReadOnlyList<MovieResult> Top, IReadOnlyList<MovieResult> Bottom)
    {
        public static PopularityResult From(PopularityReport report) =>
            new(report.Year, report.MovieCount, [.. report.Top.Select(MovieResult.From)], [.. report.Bottom.Select(MovieResult.From)]);
    }

    // Overviews are left out: they would multiply the tokens of every popularity call.
    private sealed record MovieResult(
        string Title, DateOnly? ReleaseDate, double Popularity, double? VoteAverage, int? VoteCount, IReadOnlyList<string> Genres,
        int? Runtime, long? Budget, long? Revenue, string? OriginalLanguage, string TmdbUrl)
    {
        public static MovieResult From(Movie movie) =>
            new(movie.Title, movie.ReleaseDate, movie.Popularity, movie.VoteAverage, movie.VoteCount, movie.Genres,
                movie.Runtime, movie.Budget, movie.Revenue, movie.OriginalLanguage, movie.TmdbUrl);
    }
}
