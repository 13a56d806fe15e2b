using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Movies;

/// <summary>
/// The drill-down list: the page is picked by the analysis engine over the dataset's movie columns in memory
/// (<see cref="MoviePageFinder"/>), then its movies are read by id in one query, as filtered popularity reads them.
/// Pages are kept per question until the catalog changes.
/// </summary>
public sealed class MoviesReader(
    CatalogAggregatesStore catalogAggregates,
    MovieColumnsStore movieColumns,
    MovieDetailsReader movieDetails,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly CatalogAnswerCache<Question, MovieConnection> _pages = new(changes, telemetry, cacheSettings);

    /// <param name="genre">One genre (any case), or null for every movie.</param>
    /// <param name="filter">Only movies that pass it; null or empty for every movie.</param>
    /// <param name="after">An <c>endCursor</c> of a previous page, or null for the first page.</param>
    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">
    /// INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, INVALID_LIMIT, INVALID_CURSOR, UNKNOWN_DATASET,
    /// FILTER_UNAVAILABLE, INVALID_FILTER, UNKNOWN_GENRE.
    /// </exception>
    public async Task<MovieConnection> ReadAsync(
        int from, int to, string? genre, MovieFilter? filter, MovieOrder order, int first, string? after, string? dataset,
        CancellationToken cancellationToken)
    {
        CatalogArguments.CheckRange(from, to);
        CatalogArguments.CheckPageSize(first);
        var snapshot = await catalogAggregates.GetSnapshotAsync(cancellationToken);
        var resolved = snapshot.Resolve(dataset);
        filter ??= MovieFilter.None;
        AnalysisArguments.CheckFilter(filter, resolved);
        var genreName = genre is null ? null : GenreNames.Resolve([genre], snapshot.Aggregates(resolved.Id).GenreNames)[0];
        var columns = await movieColumns.GetAsync(resolved.Id, cancellationToken);
        var normalized = filter.Normalized();
        var list = MovieListFingerprint.Of(resolved.Id, from, to, genreName, normalized, order);
        var cursor = after is null ? null : MovieCursor.Decode(after, order, list);
        var question = new Question(resolved.Id, columns.ReadAt, from, to, genreName, normalized, order, first, list, cursor);
        return await _pages.GetOrReadAsync(question, (Reader: this, Columns: columns),
            static (state, question, ct) => state.Reader.FindPageAsync(state.Columns, question, ct), cancellationToken);
    }

    private async Task<MovieConnection> FindPageAsync(MovieColumns columns, Question question, CancellationToken cancellationToken)
    {
        var genreMask = question.Genre is null ? (uint?)null : columns.GenreBit(question.Genre);
        var (totalCount, rows, hasNextPage) = MoviePageFinder.Find(
            columns, question.From, question.To, genreMask, new MoviePredicate(question.Filter, columns),
            question.Order, question.After, question.First);
        var ids = rows.Select(row => columns.Ids[row]).ToArray();
        var movies = await movieDetails.ReadAsync(question.Dataset, ids, cancellationToken);
        var endCursor = rows.Length == 0
            ? null
            : new MovieCursor(question.Order, MovieSortKey.Of(columns, question.Order, rows[^1]), ids[^1], question.List).Encode();
        return new MovieConnection(totalCount, new PageInfo(hasNextPage, endCursor), movies);
    }

    /// <summary>
    /// A page as it is kept: the resolved dataset, the columns read it was found in (old columns answer while new
    /// ones are read), the resolved genre, the normalized filter, the list's fingerprint, the decoded cursor.
    /// </summary>
    private sealed record Question(
        string Dataset, long ColumnsReadAt, int From, int To, string? Genre, MovieFilter Filter, MovieOrder Order, int First,
        uint List, MovieCursor? After);
}
