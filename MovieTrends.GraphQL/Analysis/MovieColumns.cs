namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// One dataset's dated movies held as columns (one array per value, no object per movie), sorted by release year
/// and then id, so a year range is one contiguous run of rows and ties by id come in order. Row <c>i</c> of every
/// column is the same movie. Unknown values: no rating is NaN (a movie without votes has none), no vote count is
/// -1, no runtime, budget or revenue is 0 (zero means unknown in these files), no language is index 0.
/// About 55 bytes a movie, and the <see cref="Indexes"/> over them.
/// </summary>
public sealed class MovieColumns
{
    /// <summary>The most genres a dataset may have: one bit each in <see cref="GenreMasks"/>.</summary>
    public const int MaxGenres = 32;

    private readonly int[] _yearStarts;
    private readonly MovieColumnArrays _arrays;

    internal MovieColumns(
        int firstYear,
        int[] yearStarts,
        IReadOnlyList<string> genreNames,
        IReadOnlyList<string?> languages,
        MovieColumnArrays arrays)
    {
        FirstYear = firstYear;
        _yearStarts = yearStarts;
        GenreNames = genreNames;
        Languages = languages;
        _arrays = arrays;
        Indexes = MovieColumnIndexes.Build(arrays, yearStarts, genreNames.Count);
    }

    /// <summary>The arrays behind the columns, for the engine's own loops.</summary>
    internal MovieColumnArrays Arrays => _arrays;

    /// <summary>The bitmaps and value orders built over the arrays when they were read.</summary>
    internal MovieColumnIndexes Indexes { get; }

    /// <summary>The catalog version (<c>CatalogChanges.Version</c>) the columns were read at; answers computed from them are kept under it.</summary>
    public long ReadAt { get; internal set; }

    /// <summary>Dated movies.</summary>
    public int Count => _arrays.Ids.Length;

    /// <summary>The first release year (meaningless when <see cref="Count"/> is 0).</summary>
    public int FirstYear { get; }

    /// <summary>The last release year.</summary>
    public int LastYear => FirstYear + _yearStarts.Length - 2;

    /// <summary>Bit <c>b</c> of a genre mask stands for <c>GenreNames[b]</c> (the catalog's spelling).</summary>
    public IReadOnlyList<string> GenreNames { get; }

    /// <summary>Index 0 is no language; the others are lower-case codes.</summary>
    public IReadOnlyList<string?> Languages { get; }

    public ReadOnlySpan<int> Ids => _arrays.Ids;

    public ReadOnlySpan<double> Popularity => _arrays.Popularity;

    public ReadOnlySpan<uint> GenreMasks => _arrays.GenreMasks;

    public ReadOnlySpan<ushort> LanguageIndexes => _arrays.LanguageIndexes;

    /// <summary>Whether the status is <c>Released</c>.</summary>
    public ReadOnlySpan<bool> Released => _arrays.Released;

    public ReadOnlySpan<int> VoteCounts => _arrays.VoteCounts;

    /// <summary><c>vote_average</c> as the nearest double to the decimal the file wrote, NaN without votes.</summary>
    public ReadOnlySpan<double> Ratings => _arrays.Ratings;

    public ReadOnlySpan<int> Runtimes => _arrays.Runtimes;

    public ReadOnlySpan<long> Budgets => _arrays.Budgets;

    public ReadOnlySpan<long> Revenues => _arrays.Revenues;

    /// <summary>The movie's place among the dataset's dated movies by title (code point order), then id: 0, 1, ...</summary>
    public ReadOnlySpan<int> TitleRanks => _arrays.TitleRanks;

    /// <summary>The rows of movies released from..to: [Start, End), empty outside the dataset's years.</summary>
    public (int Start, int End) Rows(int from, int to)
    {
        if (Count == 0)
        {
            return (0, 0);
        }

        var first = Math.Clamp(from - FirstYear, 0, _yearStarts.Length - 1);
        var last = Math.Clamp(to - FirstYear + 1, 0, _yearStarts.Length - 1);
        return first < last ? (_yearStarts[first], _yearStarts[last]) : (0, 0);
    }

    /// <summary>The bit of a genre in the catalog's spelling, 0 when the dataset has no such genre.</summary>
    public uint GenreBit(string genre)
    {
        for (var bit = 0; bit < GenreNames.Count; bit++)
        {
            if (GenreNames[bit] == genre)
            {
                return 1u << bit;
            }
        }

        return 0;
    }

    /// <summary>The mask of these genres (catalog spelling), or of every genre when null.</summary>
    public uint GenreMask(IReadOnlyList<string>? genres)
    {
        if (genres is null)
        {
            return GenreNames.Count == MaxGenres ? uint.MaxValue : (1u << GenreNames.Count) - 1;
        }

        var mask = 0u;
        foreach (var genre in genres)
        {
            mask |= GenreBit(genre);
        }

        return mask;
    }

    /// <summary>The language index of a code (any case), or -1 when no movie of the dataset has it.</summary>
    public int LanguageIndex(string code)
    {
        for (var index = 1; index < Languages.Count; index++)
        {
            if (string.Equals(Languages[index], code, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return -1;
    }
}

/// <summary>The columns of <see cref="MovieColumns"/>, all of one length, as the loader fills them.</summary>
internal sealed class MovieColumnArrays(int count)
{
    public int[] Ids { get; } = new int[count];

    public double[] Popularity { get; } = new double[count];

    public uint[] GenreMasks { get; } = new uint[count];

    public ushort[] LanguageIndexes { get; } = new ushort[count];

    public bool[] Released { get; } = new bool[count];

    public int[] VoteCounts { get; } = new int[count];

    public double[] Ratings { get; } = new double[count];

    public int[] Runtimes { get; } = new int[count];

    public long[] Budgets { get; } = new long[count];

    public long[] Revenues { get; } = new long[count];

    public int[] TitleRanks { get; } = new int[count];
}
