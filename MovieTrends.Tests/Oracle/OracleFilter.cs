using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Oracle;

/// <summary>
/// Issue 13's <c>MovieFilter</c>: a field left null does not filter. <see cref="Check"/> refuses a field the
/// dataset has no column for (FILTER_UNAVAILABLE, even <c>releasedOnly: false</c>, since the client asked about
/// data that is not there) and a bad value (INVALID_FILTER: minVotes &lt; 0, minRating outside 0..10, an empty
/// <c>languages</c> list, which would match nothing, or a language code longer than 8 characters, when every code
/// in the files has 2).
/// </summary>
public sealed record OracleFilter(
    IReadOnlyList<string>? Languages = null,
    int? MinVotes = null,
    double? MinRating = null,
    bool? ReleasedOnly = null)
{
    public static OracleFilter None { get; } = new();

    /// <summary>The filter fields issue 13 names, by the raw columns each one needs.</summary>
    public static IReadOnlyList<(string Field, string[] Columns)> Fields { get; } =
    [
        ("languages", ["original_language"]),
        ("minVotes", ["vote_count"]),
        ("minRating", ["vote_average", "vote_count"]),
        ("releasedOnly", ["status"]),
    ];

    public void Check(IReadOnlyCollection<string> availableFilters)
    {
        if (AskedFields().FirstOrDefault(field => !availableFilters.Contains(field)) is { } unavailable)
        {
            throw new OracleError(OracleError.FilterUnavailable, $"the dataset has no data for '{unavailable}'");
        }

        if (Languages is { Count: 0 })
        {
            throw new OracleError(OracleError.InvalidFilter, "languages is an empty list");
        }

        if (Languages?.FirstOrDefault(language => language.Length > 8) is { } tooLong)
        {
            throw new OracleError(OracleError.InvalidFilter, $"language code '{tooLong}' is longer than 8 characters");
        }

        if (MinVotes < 0)
        {
            throw new OracleError(OracleError.InvalidFilter, $"minVotes {MinVotes} is negative");
        }

        if (MinRating is { } rating && !(rating is >= 0 and <= 10))
        {
            throw new OracleError(OracleError.InvalidFilter, $"minRating {rating} is outside 0..10");
        }
    }

    private IEnumerable<string> AskedFields()
    {
        if (Languages is not null) yield return "languages";
        if (MinVotes is not null) yield return "minVotes";
        if (MinRating is not null) yield return "minRating";
        if (ReleasedOnly is not null) yield return "releasedOnly";
    }

    public bool Passes(RawTmdbMovie movie) =>
        (Languages is null || (movie.OriginalLanguage is { } language && Languages.Contains(language, StringComparer.OrdinalIgnoreCase)))
        && (MinVotes is null || movie.VoteCount >= MinVotes)
        // Issue 13: movies with no votes never pass minRating, whatever their vote_average says. The comparison is
        // on the decimal text as written (6.1 passes minRating 6.1); a float column would round 6.1 below 6.1.
        && (MinRating is null || KnownValues.Rating(movie) >= MinRating)
        && (ReleasedOnly is not true || movie.Status == "Released");
}
