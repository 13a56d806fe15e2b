using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Oracle;

/// <summary>One page of the drill-down as <c>first</c>/<c>after</c> paging must return it.</summary>
public sealed record OraclePage(IReadOnlyList<RawTmdbMovie> Nodes, bool HasNextPage);

/// <summary>The whole drill-down list behind a bar or table cell, in order.</summary>
public sealed record OracleMovieList(IReadOnlyList<RawTmdbMovie> Movies)
{
    public const int MaxFirst = 100;

    public int TotalCount => Movies.Count;

    /// <summary>The pages a client walks with <c>first</c>, following each <c>endCursor</c> while <c>hasNextPage</c>.</summary>
    public IReadOnlyList<OraclePage> Pages(int first)
    {
        if (first is < 1 or > MaxFirst)
        {
            throw new OracleError(OracleError.InvalidLimit, $"first {first} is outside 1..{MaxFirst}");
        }

        var chunks = Movies.Chunk(first).ToArray();
        return chunks.Length == 0
            ? [new OraclePage([], false)]
            : [.. chunks.Select((chunk, index) => new OraclePage(chunk, index < chunks.Length - 1))];
    }
}

public sealed partial class DatasetOracle
{
    /// <summary>
    /// Issue 13's <c>movies</c>: dated movies released from..to, of one genre (any case) or all, that pass the filter,
    /// in <paramref name="order"/>, ties by id ascending. A movie without a known rating (no votes) or revenue (0)
    /// sorts after every known one under RATING_DESC or REVENUE_DESC; TITLE_ASC compares titles ordinally
    /// (a database must use a "C" collation to agree).
    /// </summary>
    public OracleMovieList MovieList(int from, int to, string? genre = null, OracleFilter? filter = null,
        OracleOrder order = OracleOrder.PopularityDesc)
    {
        filter ??= OracleFilter.None;
        filter.Check(Filters);
        var genreName = genre is null ? null : ResolveGenre(genre);
        var movies = Movies.Where(movie => movie.Year >= from && movie.Year <= to
            && (genreName is null || movie.Genres.Contains(genreName)) && filter.Passes(movie));
        var ordered = order switch
        {
            OracleOrder.PopularityDesc => movies.OrderByDescending(movie => movie.Popularity),
            OracleOrder.RatingDesc => movies.OrderByDescending(movie => KnownValues.Rating(movie) ?? double.NegativeInfinity),
            OracleOrder.RevenueDesc => movies.OrderByDescending(movie => KnownValues.Revenue(movie) ?? double.NegativeInfinity),
            OracleOrder.TitleAsc => movies.OrderBy(movie => movie.Title, StringComparer.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
        return new OracleMovieList([.. ordered.ThenBy(movie => movie.Id)]);
    }
}
