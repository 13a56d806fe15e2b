using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Chat;

/// <summary>A chat request that passed every check that needs neither the database nor the client's allowance.</summary>
public sealed record ValidChatRequest(string Message, Guid? ConversationId, ChatView View);

/// <summary>
/// Checks a chat request as sent, before it may spend the client's allowance or reach the database:
/// a refused message costs nothing, and nothing the database would reject (a NUL byte, a lone surrogate)
/// gets that far.
/// </summary>
public static class ChatRequestValidator
{
    /// <summary>More genres than the catalog could ever hold is not a view a screen shows.</summary>
    public const int MaxViewGenres = 50;

    public const int MaxGenreNameLength = 100;

    /// <exception cref="ChatException">EMPTY_MESSAGE, MESSAGE_TOO_LONG, INVALID_MESSAGE, INVALID_CONVERSATION_ID, INVALID_VIEW.</exception>
    /// <exception cref="CatalogQueryException">A view year outside the catalog's bounds, a reversed or too long range, or a bad filter value.</exception>
    public static ValidChatRequest Validate(ChatRequest request, int maxMessageLength) =>
        new(CheckMessage(request.Message, maxMessageLength), CheckConversationId(request.ConversationId), CheckView(request.View ?? ChatView.Empty));

    private static string CheckMessage(string message, int maxMessageLength)
    {
        var trimmed = message.Trim();
        if (trimmed.Length == 0)
        {
            throw new ChatException(ChatErrorCodes.EmptyMessage, "The message is empty; write a question about the movies.");
        }

        if (trimmed.Length > maxMessageLength)
        {
            throw new ChatException(
                ChatErrorCodes.MessageTooLong,
                $"The message has {trimmed.Length} characters; the limit is {maxMessageLength}. Shorten it and send it again.");
        }

        if (FindUnusableCharacter(trimmed) is { } position)
        {
            throw new ChatException(
                ChatErrorCodes.InvalidMessage,
                $"The message has a control character or broken text at position {position + 1}; only letters, digits, punctuation, spaces, tabs and line breaks are accepted.");
        }

        return trimmed;
    }

    private static Guid? CheckConversationId(string? conversationId) =>
        conversationId is null ? null
        : Guid.TryParse(conversationId, out var id) ? id
        : throw new ChatException(
            ChatErrorCodes.InvalidConversationId,
            "The conversationId is not a conversation id this service issued; send the message without a conversationId to start a new conversation.");

    private static ChatView CheckView(ChatView view)
    {
        if (view.TrendsFrom is int from && view.TrendsTo is int to)
        {
            CatalogArguments.CheckRange(from, to);
        }
        else
        {
            CheckYear(view.TrendsFrom, "trendsFrom");
            CheckYear(view.TrendsTo, "trendsTo");
        }

        CheckYear(view.PopularityYear, "popularityYear");
        if (view.Filter is { } filter)
        {
            AnalysisArguments.CheckValues(filter);
        }

        if (view.Genres is { } genres)
        {
            if (genres.Count > MaxViewGenres)
            {
                throw InvalidView($"The view names {genres.Count} genres; a view shows at most {MaxViewGenres}.");
            }

            if (genres.Any(name => name.Length is 0 or > MaxGenreNameLength || FindUnusableCharacter(name) is not null))
            {
                throw InvalidView($"A genre name in the view is empty, longer than {MaxGenreNameLength} characters or has control characters; send the names the genres list shows.");
            }
        }

        return view;
    }

    private static void CheckYear(int? year, string argument)
    {
        if (year is int value)
        {
            CatalogArguments.CheckYear(value, argument);
        }
    }

    private static ChatException InvalidView(string message) => new(ChatErrorCodes.InvalidView, message);

    /// <summary>
    /// The index of the first control character other than tab, line feed and carriage return, or of a lone
    /// surrogate (text that cannot be stored as UTF-8); null when the text is clean.
    /// </summary>
    private static int? FindUnusableCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return i;
            }
        }

        return null;
    }
}
