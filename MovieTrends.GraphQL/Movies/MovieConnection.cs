using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Movies;

/// <summary>One page of a drill-down list, and the size of the whole list.</summary>
public sealed record MovieConnection(int TotalCount, PageInfo PageInfo, IReadOnlyList<Movie> Nodes);

/// <summary>Where the page ends: <see cref="EndCursor"/> is the <c>after</c> of the next page, null for an empty page.</summary>
public sealed record PageInfo(bool HasNextPage, string? EndCursor);
