namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// A checked <see cref="MovieFilter"/> compiled against one dataset's <see cref="MovieColumns"/>: languages become a
/// table over the dataset's language indexes, so a row is tested with a few array reads and no string.
/// </summary>
public readonly partial struct MoviePredicate
{
    private readonly bool[]? _languages;
    private readonly int _minVotes;
    private readonly double _minRating;
    private readonly bool _filtersRating;
    private readonly bool _filtersVotes;
    private readonly bool _releasedOnly;
    private readonly MovieColumnArrays _columns;

    public MoviePredicate(MovieFilter filter, MovieColumns columns)
    {
        _columns = columns.Arrays;
        if (filter.Languages is { } languages)
        {
            _languages = new bool[columns.Languages.Count];
            foreach (var language in languages)
            {
                var index = columns.LanguageIndex(language);
                if (index > 0)
                {
                    _languages[index] = true;
                }
            }
        }

        // A movie without a vote count is -1 and fails any minVotes, 0 included.
        _minVotes = filter.MinVotes ?? int.MinValue;
        _filtersVotes = filter.MinVotes is not null;
        _filtersRating = filter.MinRating is not null;
        _minRating = filter.MinRating ?? 0;
        _releasedOnly = filter.ReleasedOnly is true;
        IsEmpty = _languages is null && filter.MinVotes is null && !_filtersRating && !_releasedOnly;
    }

    /// <summary>Whether every movie passes, so a scan need not test rows.</summary>
    public bool IsEmpty { get; }

    /// <summary>Whether the movie of <paramref name="row"/> passes; <paramref name="columns"/> must be the ones compiled against.</summary>
    public bool Passes(MovieColumns columns, int row) => Passes(row);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool Passes(int row)
    {
        if (IsEmpty)
        {
            return true;
        }

        var columns = _columns;
        return columns.VoteCounts[row] >= _minVotes
            // A movie without votes has a NaN rating, which no comparison passes.
            && (!_filtersRating || columns.Ratings[row] >= _minRating)
            && (!_releasedOnly || columns.Released[row])
            && (_languages is null || _languages[columns.LanguageIndexes[row]]);
    }
}
