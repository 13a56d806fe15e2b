namespace MovieTrends.GraphQL.Chat.Conversations;

public sealed record ConversationMessage(bool FromUser, string Content);

/// <summary>A conversation and its latest messages, oldest first.</summary>
public sealed record Conversation(Guid Id, IReadOnlyList<ConversationMessage> History);
