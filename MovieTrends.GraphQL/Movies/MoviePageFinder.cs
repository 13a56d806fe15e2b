using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.GraphQL.Movies;

/// <summary>
/// One page of a drill-down list, found in one pass over the range's rows without sorting them: every passing row
/// is counted, and of those after the cursor the first <c>size</c> in (key, id) order are kept in a max-heap whose
/// root is the last of them, so a row is tested against the root and most rows cost one comparison.
/// </summary>
public static class MoviePageFinder
{
    /// <param name="genreMask">The genre's bit, or null for every movie.</param>
    /// <returns>The passing rows' count, the page's rows in order, and whether more rows follow the page.</returns>
    public static (int TotalCount, int[] Rows, bool HasNextPage) Find(
        MovieColumns columns, int from, int to, uint? genreMask, in MoviePredicate predicate,
        MovieOrder order, MovieCursor? after, int size)
    {
        var page = new PageHeap(columns, order, after, size);
        var totalCount = columns.Scan(from, to, genreMask, predicate, ref page);
        return (totalCount, page.Sorted(), page.AfterCount > size);
    }

    private struct PageHeap(MovieColumns columns, MovieOrder order, MovieCursor? after, int size) : IRowVisitor
    {
        private readonly long[] _keys = new long[size];
        private readonly int[] _ids = new int[size];
        private readonly int[] _rows = new int[size];
        private int _count;

        /// <summary>Passing rows after the cursor: more than the page holds means there is a next page.</summary>
        public int AfterCount { get; private set; }

        public void Visit(int row)
        {
            var key = MovieSortKey.Of(columns, order, row);
            var id = columns.Ids[row];
            if (after is not null && !after.Precedes(key, id))
            {
                return;
            }

            AfterCount++;
            if (_count < size)
            {
                SiftUp(_count++, key, id, row);
            }
            else if (Before(key, id, _keys[0], _ids[0]))
            {
                SiftDown(0, key, id, row);
            }
        }

        /// <summary>The kept rows, first of the page first.</summary>
        public readonly int[] Sorted()
        {
            var keys = _keys;
            var ids = _ids;
            var slots = Enumerable.Range(0, _count).ToArray();
            Array.Sort(slots, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : ids[a].CompareTo(ids[b]));
            var rows = _rows;
            return [.. slots.Select(slot => rows[slot])];
        }

        private static bool Before(long key, int id, long otherKey, int otherId) => key < otherKey || (key == otherKey && id < otherId);

        /// <summary>Places a row at a new leaf, moving later-ordered parents down: the root stays the page's last row.</summary>
        private readonly void SiftUp(int slot, long key, int id, int row)
        {
            while (slot > 0)
            {
                var parent = (slot - 1) / 2;
                if (!Before(_keys[parent], _ids[parent], key, id))
                {
                    break;
                }

                Move(parent, slot);
                slot = parent;
            }

            Set(slot, key, id, row);
        }

        /// <summary>Replaces the root with an earlier row and restores the heap below it.</summary>
        private readonly void SiftDown(int slot, long key, int id, int row)
        {
            while (true)
            {
                var child = (2 * slot) + 1;
                if (child >= _count)
                {
                    break;
                }

                if (child + 1 < _count && Before(_keys[child], _ids[child], _keys[child + 1], _ids[child + 1]))
                {
                    child++;
                }

                if (!Before(key, id, _keys[child], _ids[child]))
                {
                    break;
                }

                Move(child, slot);
                slot = child;
            }

            Set(slot, key, id, row);
        }

        private readonly void Move(int from, int to)
        {
            _keys[to] = _keys[from];
            _ids[to] = _ids[from];
            _rows[to] = _rows[from];
        }

        private readonly void Set(int slot, long key, int id, int row)
        {
            _keys[slot] = key;
            _ids[slot] = id;
            _rows[slot] = row;
        }
    }
}
