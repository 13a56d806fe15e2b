using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;

namespace MovieTrends.GraphQL.Trends;

/// <summary>
/// Genre trends. Movies counted without a filter are cut from the aggregates in memory (nothing to cache beyond
/// them); any other measure or a filter is computed by the analysis engine over the dataset's movie columns and
/// kept per question until the catalog changes.
/// </summary>
public sealed class GenreTrendsReader(
    CatalogAggregatesStore catalogAggregates,
    MovieColumnsStore movieColumns,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly CatalogAnswerCache<Question, GenreTrends> _answers = new(changes, telemetry, cacheSettings);

    /// <exception cref="CatalogQueryException">INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_GENRE.</exception>
    public Task<GenreTrends> ReadAsync(int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken) =>
        ReadAsync(from, to, genres, dataset: null, cancellationToken);

    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_GENRE, UNKNOWN_DATASET.</exception>
    public Task<GenreTrends> ReadAsync(int from, int to, IReadOnlyList<string>? genres, string? dataset, CancellationToken cancellationToken) =>
        ReadAsync(from, to, genres, TrendMeasure.Movies, filter: null, dataset, cancellationToken);

    /// <param name="filter">Only movies that pass it; null or empty for every movie.</param>
    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">
    /// INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_DATASET, MEASURE_UNAVAILABLE, FILTER_UNAVAILABLE,
    /// INVALID_FILTER, UNKNOWN_GENRE.
    /// </exception>
    public async Task<GenreTrends> ReadAsync(
        int from, int to, IReadOnlyList<string>? genres, TrendMeasure measure, MovieFilter? filter, string? dataset,
        CancellationToken cancellationToken)
    {
        CatalogArguments.CheckRange(from, to);
        var snapshot = await catalogAggregates.GetSnapshotAsync(cancellationToken);
        var resolved = snapshot.Resolve(dataset);
        filter ??= MovieFilter.None;
        AnalysisArguments.CheckMeasure(measure, resolved);
        AnalysisArguments.CheckFilter(filter, resolved);
        var aggregates = snapshot.Aggregates(resolved.Id);
        var requested = genres is null ? null : GenreNames.Resolve(genres, aggregates.GenreNames);
        if (measure == TrendMeasure.Movies && filter.IsEmpty)
        {
            return aggregates.Slice(from, to, requested);
        }

        var columns = await movieColumns.GetAsync(resolved.Id, cancellationToken);
        var question = new Question(
            resolved.Id, columns.ReadAt, from, to, requested is null ? null : string.Join('\n', requested), measure, filter.Normalized());
        return await _answers.GetOrReadAsync(question, (Columns: columns, Genres: requested),
            static (state, question, _) => Task.FromResult(GenreTrendsCalculator.Compute(
                state.Columns, question.From, question.To, state.Genres, question.Measure, new MoviePredicate(question.Filter, state.Columns))),
            cancellationToken);
    }

    /// <summary>
    /// A question as answers are kept under it: the resolved dataset, the columns read it was answered from (old
    /// columns answer while new ones are read), the resolved genres, the normalized filter.
    /// </summary>
    private sealed record Question(string Dataset, long ColumnsReadAt, int From, int To, string? Genres, TrendMeasure Measure, MovieFilter Filter);
}
