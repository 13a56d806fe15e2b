using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Chat.Offline;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Chat;

/// <summary>The first movies of a drill-down list and how many the whole list has.</summary>
public sealed record DrillDown(int TotalCount, IReadOnlyList<Movie> Movies);

/// <summary>
/// The first movies behind a bar or table cell for the chat: released from..to, of one genre or all, passing the
/// filter, in an order (ties by id ascending); unknown ratings and revenues sort last. Checked as genreTrends checks.
/// </summary>
public sealed class DrillDownReader(CatalogAggregatesStore catalogAggregates, MovieColumnsStore movieColumns, MovieDetailsReader details)
{
    /// <exception cref="CatalogQueryException">
    /// INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, INVALID_LIMIT, UNKNOWN_DATASET, FILTER_UNAVAILABLE, INVALID_FILTER, UNKNOWN_GENRE.
    /// </exception>
    public async Task<DrillDown> ReadAsync(
        int from, int to, string? genre, MovieFilter? filter, ListOrder order, int first, string? dataset, CancellationToken cancellationToken)
    {
        CatalogArguments.CheckRange(from, to);
        CatalogArguments.CheckLimit(first);
        var snapshot = await catalogAggregates.GetSnapshotAsync(cancellationToken);
        var resolved = snapshot.Resolve(dataset);
        filter ??= MovieFilter.None;
        AnalysisArguments.CheckFilter(filter, resolved);
        var genreName = genre is null ? null : GenreNames.Resolve([genre], snapshot.Aggregates(resolved.Id).GenreNames)[0];
        var columns = await movieColumns.GetAsync(resolved.Id, cancellationToken);
        var rows = new Rows();
        columns.Scan(from, to, genreName is null ? null : columns.GenreBit(genreName), new MoviePredicate(filter, columns), ref rows);
        var sorted = rows.List.ToArray();
        Array.Sort(sorted, Comparer(columns, order));
        var ids = sorted.Take(first).Select(row => columns.Ids[row]).ToList();
        return new DrillDown(sorted.Length, await details.ReadAsync(resolved.Id, ids, cancellationToken));
    }

    private static Comparison<int> Comparer(MovieColumns columns, ListOrder order) => (a, b) =>
    {
        var byOrder = order switch
        {
            ListOrder.Rating => Descending(columns.Ratings[a], columns.Ratings[b]),
            ListOrder.Revenue => Descending(Known(columns.Revenues[a]), Known(columns.Revenues[b])),
            ListOrder.Title => columns.TitleRanks[a].CompareTo(columns.TitleRanks[b]),
            _ => columns.Popularity[b].CompareTo(columns.Popularity[a]),
        };
        return byOrder != 0 ? byOrder : columns.Ids[a].CompareTo(columns.Ids[b]);
    };

    private static double Known(long money) => money > 0 ? money : double.NaN;

    // Unknown (NaN) after every known value.
    private static int Descending(double a, double b) =>
        double.IsNaN(a) ? (double.IsNaN(b) ? 0 : 1) : double.IsNaN(b) ? -1 : b.CompareTo(a);

    private struct Rows() : IRowVisitor
    {
        public List<int> List { get; } = [];

        public readonly void Visit(int row) => List.Add(row);
    }
}
