using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// A running count per genre bit (32 lanes of four vectors) and two targets per lane: adds one movie's genre mask
/// to the counts and tells which lanes just reached their lower or upper target, with no branch per genre.
/// </summary>
internal struct GenreLanes
{
    private static readonly Vector256<int> LaneBits = Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128);

    private Vector256<int> _counts0, _counts1, _counts2, _counts3;
    private Vector256<int> _lower0, _lower1, _lower2, _lower3;
    private Vector256<int> _upper0, _upper1, _upper2, _upper3;

    /// <param name="lowerAt">Per genre bit, the count that reaches its lower target (32 entries).</param>
    /// <param name="upperAt">Per genre bit, the count that reaches its upper target (32 entries).</param>
    public static GenreLanes Create(ReadOnlySpan<int> lowerAt, ReadOnlySpan<int> upperAt) => new()
    {
        _lower0 = Vector256.Create(lowerAt[..8]),
        _lower1 = Vector256.Create(lowerAt[8..16]),
        _lower2 = Vector256.Create(lowerAt[16..24]),
        _lower3 = Vector256.Create(lowerAt[24..32]),
        _upper0 = Vector256.Create(upperAt[..8]),
        _upper1 = Vector256.Create(upperAt[8..16]),
        _upper2 = Vector256.Create(upperAt[16..24]),
        _upper3 = Vector256.Create(upperAt[24..32]),
    };

    /// <summary>Counts one movie in each genre of <paramref name="mask"/>.</summary>
    /// <returns>The genre bits whose count just reached the lower target, and those that reached the upper one.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (uint Lowers, uint Uppers) Count(uint mask)
    {
        var spread = Vector256.Create((int)mask);
        var (lower0, upper0) = Step(ref _counts0, spread, LaneBits, _lower0, _upper0);
        var (lower1, upper1) = Step(ref _counts1, spread >>> 8, LaneBits, _lower1, _upper1);
        var (lower2, upper2) = Step(ref _counts2, spread >>> 16, LaneBits, _lower2, _upper2);
        var (lower3, upper3) = Step(ref _counts3, spread >>> 24, LaneBits, _lower3, _upper3);
        return (lower0 | (lower1 << 8) | (lower2 << 16) | (lower3 << 24), upper0 | (upper1 << 8) | (upper2 << 16) | (upper3 << 24));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Lowers, uint Uppers) Step(
        ref Vector256<int> counts, Vector256<int> mask, Vector256<int> laneBits, Vector256<int> lowerAt, Vector256<int> upperAt)
    {
        // All ones (-1) in the lanes of the movie's genres: subtracting it adds one.
        var moved = Vector256.Equals(mask & laneBits, laneBits);
        counts -= moved;
        return (
            (Vector256.Equals(counts, lowerAt) & moved).ExtractMostSignificantBits(),
            (Vector256.Equals(counts, upperAt) & moved).ExtractMostSignificantBits());
    }
}
