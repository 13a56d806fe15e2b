using GraphQL.Types;

namespace MovieTrends.GraphQL.Chat.Schema;

public sealed class ChatInputType : InputObjectGraphType<ChatRequest>
{
    public ChatInputType()
    {
        Name = "ChatInput";
        Field<NonNullGraphType<StringGraphType>>("message").Description("The user's question (at most 2,000 characters by default).");
        Field<IdGraphType>("conversationId").Description("Continue this conversation; omit to start a new one.");
        Field<ChatViewInputType>("view").Description("The user's current view, so answers can refer to it.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new ChatRequest(
            (string)value["message"]!,
            value.TryGetValue("conversationId", out var id) ? id?.ToString() : null,
            value.TryGetValue("view", out var view) ? (ChatView?)view : null);
}
