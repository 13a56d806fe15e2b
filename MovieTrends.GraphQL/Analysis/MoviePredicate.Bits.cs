using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>The predicate over a run of rows at once, as a bitmap: 64 rows a word, each column compared by vectors.</summary>
public readonly partial struct MoviePredicate
{
    /// <summary>
    /// Sets bit <c>r - 64 × (start / 64)</c> of <paramref name="words"/> for each row <c>r</c> in [start, end) that passes,
    /// and clears every other bit of the words covering the run.
    /// </summary>
    internal void FillPassBits(int start, int end, Span<ulong> words)
    {
        var firstWord = start >> 6;
        for (var word = 0; word < words.Length; word++)
        {
            var first = (firstWord + word) << 6;
            words[word] = first >= start && first + 64 <= end ? WholeWord(first) : PartWord(first, start, end);
        }
    }

    private ulong PartWord(int first, int start, int end)
    {
        var bits = 0UL;
        for (var row = Math.Max(first, start); row < Math.Min(first + 64, end); row++)
        {
            if (Passes(row))
            {
                bits |= 1UL << (row - first);
            }
        }

        return bits;
    }

    private ulong WholeWord(int first)
    {
        if (IsEmpty)
        {
            return ulong.MaxValue;
        }

        var columns = _columns;
        var bits = ulong.MaxValue;
        if (_filtersVotes)
        {
            bits &= AtLeast(ref MemoryMarshal.GetArrayDataReference(columns.VoteCounts), first, _minVotes);
        }

        if (_filtersRating)
        {
            // A movie without votes has a NaN rating, which no comparison passes.
            bits &= AtLeast(ref MemoryMarshal.GetArrayDataReference(columns.Ratings), first, _minRating);
        }

        if (_releasedOnly)
        {
            bits &= AtLeast(ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetArrayDataReference(columns.Released)), first, (byte)1);
        }

        if (_languages is { } languages && bits != 0)
        {
            var indexes = columns.LanguageIndexes.AsSpan(first, 64);
            for (var lane = 0; lane < 64; lane++)
            {
                if (!languages[indexes[lane]])
                {
                    bits &= ~(1UL << lane);
                }
            }
        }

        return bits;
    }

    /// <summary>The 64 rows from <paramref name="first"/> whose value is at least <paramref name="minimum"/>, one bit each.</summary>
    private static ulong AtLeast<T>(ref T column, int first, T minimum)
        where T : unmanaged
    {
        var threshold = Vector256.Create(minimum);
        var passing = 0UL;
        for (var lane = 0; lane < 64; lane += Vector256<T>.Count)
        {
            passing |= (ulong)Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref column, (nuint)(first + lane)), threshold)
                .ExtractMostSignificantBits() << lane;
        }

        return passing;
    }
}
