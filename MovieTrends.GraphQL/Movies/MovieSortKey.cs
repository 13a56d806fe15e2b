using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.GraphQL.Movies;

/// <summary>
/// A movie's place in a <see cref="MovieOrder"/> as one number: the list is (key, id) ascending, whatever the order,
/// so one comparison, one heap and one cursor layout serve every order. Unknown ratings and revenues take the
/// largest key, so they sort after every known one.
/// </summary>
public static class MovieSortKey
{
    /// <summary>The key of every movie whose rating or revenue is unknown.</summary>
    public const long Unknown = long.MaxValue;

    public static long Of(MovieColumns columns, MovieOrder order, int row) => order switch
    {
        MovieOrder.PopularityDesc => Descending(columns.Popularity[row]),
        MovieOrder.RatingDesc => double.IsNaN(columns.Ratings[row]) ? Unknown : Descending(columns.Ratings[row]),
        // Known revenues are positive (zero means unknown), so their negation never reaches Unknown.
        MovieOrder.RevenueDesc => columns.Revenues[row] > 0 ? -columns.Revenues[row] : Unknown,
        MovieOrder.TitleAsc => columns.TitleRanks[row],
        _ => throw new ArgumentOutOfRangeException(nameof(order)),
    };

    /// <summary>
    /// Larger doubles first: the IEEE bits made to compare as signed integers (negative values' magnitude bits flipped),
    /// then complemented, which reverses the order exactly. Both zeros are one value, as a double comparison has it.
    /// </summary>
    private static long Descending(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value == 0 ? 0d : value);
        var ascending = bits < 0 ? bits ^ long.MaxValue : bits;
        return ~ascending;
    }
}
