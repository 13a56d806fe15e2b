namespace MovieTrends.GraphQL.Analysis;

/// <summary>Receives the rows a <see cref="MovieScan"/> passes, in row order (year, then id).</summary>
public interface IRowVisitor
{
    void Visit(int row);
}

/// <summary>The engine's one loop: the movies of a year range that have one of the genres and pass the filter.</summary>
public static class MovieScan
{
    /// <param name="genreMask">Rows with any of these genre bits (<see cref="MovieColumns.GenreMask"/>); null for every movie, those without genres too.</param>
    /// <returns>How many rows were visited.</returns>
    public static int Scan<TVisitor>(
        this MovieColumns columns, int from, int to, uint? genreMask, in MoviePredicate predicate, ref TVisitor visitor)
        where TVisitor : struct, IRowVisitor
    {
        var (start, end) = columns.Rows(from, to);
        var masks = columns.GenreMasks;
        var anyGenre = genreMask is null;
        var wanted = genreMask ?? 0;
        var visited = 0;
        for (var row = start; row < end; row++)
        {
            if ((anyGenre || (masks[row] & wanted) != 0) && predicate.Passes(columns, row))
            {
                visitor.Visit(row);
                visited++;
            }
        }

        return visited;
    }
}
