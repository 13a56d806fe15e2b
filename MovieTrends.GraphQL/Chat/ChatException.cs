using MovieTrends.GraphQL.Errors;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// A chat request refused as sent; <see cref="CodedException.Code"/> tells the client what happened, and
/// <see cref="CodedException.RetryAfter"/>, set for <see cref="ChatErrorCodes.RateLimited"/>, when it may try again.
/// </summary>
public sealed class ChatException(string code, string message, TimeSpan? retryAfter = null) : CodedException(code, message, retryAfter);

public static class ChatErrorCodes
{
    public const string EmptyMessage = "EMPTY_MESSAGE";
    public const string MessageTooLong = "MESSAGE_TOO_LONG";
    public const string RateLimited = "RATE_LIMITED";
    public const string ConversationNotFound = "CONVERSATION_NOT_FOUND";
    public const string InvalidMessage = "INVALID_MESSAGE";
    public const string InvalidConversationId = "INVALID_CONVERSATION_ID";
    public const string InvalidView = "INVALID_VIEW";
    public const string ChatTimeout = "CHAT_TIMEOUT";
}
