using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Each genre's measure over a whole year range, one figure per genre: "which genre earns the best return on budget
/// since 2000" is a median over every movie of those years, which yearly medians cannot give. Best first.
/// </summary>
/// <param name="Movies">Distinct movies of the range that pass the filter (SHARE is over these).</param>
public sealed record GenreRanking(
    string Dataset, int From, int To, TrendMeasure Measure, int Movies, IReadOnlyList<GenreFigure> Genres);

/// <summary>One genre over the range: its passing movies, those with a known value, and the measure over them (null: none known).</summary>
public sealed record GenreFigure(string Genre, int Movies, int Known, double? Value);
