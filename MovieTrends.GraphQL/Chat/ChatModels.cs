using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.GraphQL.Chat;

/// <summary>What the user's screen shows; only parameters, the server reads the figures itself.</summary>
public sealed record ChatView(int? TrendsFrom, int? TrendsTo, IReadOnlyList<string>? Genres, int? PopularityYear)
{
    public static readonly ChatView Empty = new(null, null, null, null);

    /// <summary>The view shows a trend chart: it names a year of one, or genres to chart.</summary>
    public bool HasTrends => TrendsFrom is not null || TrendsTo is not null || Genres is { Count: > 0 };

    /// <summary>The trend chart's measure; null means movies.</summary>
    public TrendMeasure? Measure { get; init; }

    /// <summary>The filter both charts apply; null means none.</summary>
    public MovieFilter? Filter { get; init; }

    /// <summary>The dataset both charts show; null means the default one.</summary>
    public string? Dataset { get; init; }
}

public sealed record ChatRequest(string Message, string? ConversationId, ChatView? View);

public enum ChatMode
{
    Llm,
    Offline,
}

/// <summary>One catalog read an answer rests on: the tool, its arguments as JSON, and what it returned in short.</summary>
public sealed record ChatCitation(string Tool, string Arguments, string Summary);

/// <param name="Notice">About the chat's setup rather than this answer (e.g. no AI provider configured); null when there is none.</param>
public sealed record ChatReply(string ConversationId, string Message, ChatMode Mode, IReadOnlyList<ChatCitation> Citations, string? Notice = null);
