namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// A year's most and least popular movies among those that pass a filter, ranked in memory: one pass over the year's
/// rows keeping the best <c>limit</c> at each end (ties by id ascending at both ends, as the stored ranking does).
/// </summary>
public static class PopularityRanker
{
    /// <returns>The passing movies' count, and the rows of the top and the bottom, each in rank order.</returns>
    public static (int MovieCount, int[] Top, int[] Bottom) Rank(MovieColumns columns, int year, int limit, in MoviePredicate predicate)
    {
        var ends = new Ends(columns, limit);
        var count = columns.Scan(year, year, genreMask: null, predicate, ref ends);
        return (count, ends.Top[..ends.TopCount], ends.Bottom[..ends.BottomCount]);
    }

    private struct Ends(MovieColumns columns, int limit) : IRowVisitor
    {
        public int[] Top { get; } = new int[limit];

        public int[] Bottom { get; } = new int[limit];

        public int TopCount { get; private set; }

        public int BottomCount { get; private set; }

        public void Visit(int row)
        {
            TopCount = Insert(Top, TopCount, row, mostPopularFirst: true);
            BottomCount = Insert(Bottom, BottomCount, row, mostPopularFirst: false);
        }

        /// <summary>Insertion into a sorted run of at most <c>limit</c> rows; a row ranked past the end is dropped.</summary>
        private readonly int Insert(int[] ranked, int count, int row, bool mostPopularFirst)
        {
            var position = count;
            while (position > 0 && Before(row, ranked[position - 1], mostPopularFirst))
            {
                position--;
            }

            if (position == ranked.Length)
            {
                return count;
            }

            var kept = Math.Min(count, ranked.Length - 1);
            Array.Copy(ranked, position, ranked, position + 1, kept - position);
            ranked[position] = row;
            return kept + 1;
        }

        private readonly bool Before(int row, int other, bool mostPopularFirst)
        {
            var popularity = columns.Popularity;
            if (popularity[row] != popularity[other])
            {
                return mostPopularFirst ? popularity[row] > popularity[other] : popularity[row] < popularity[other];
            }

            return columns.Ids[row] < columns.Ids[other];
        }
    }
}
