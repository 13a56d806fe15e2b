using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// What a question looks at besides its years and genres: the measure, the filter and the dataset. A field left null
/// was not named, so it comes from the conversation (for a follow-up), then the view, then the default.
/// </summary>
public sealed record Lens(TrendMeasure? Measure = null, MovieFilter? Filter = null, string? Dataset = null)
{
    public static Lens None { get; } = new();

    /// <summary>This lens with its unnamed fields taken from <paramref name="fallback"/>.</summary>
    public Lens Or(Lens fallback) => new(Measure ?? fallback.Measure, Filter ?? fallback.Filter, Dataset ?? fallback.Dataset);

    /// <summary>The lens of what the user is looking at.</summary>
    public static Lens Of(ChatView view) => new(view.Measure, view.Filter is { IsEmpty: false } ? view.Filter : null, view.Dataset);
}
