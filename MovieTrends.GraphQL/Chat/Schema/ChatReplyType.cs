using GraphQL.Types;

namespace MovieTrends.GraphQL.Chat.Schema;

public sealed class ChatReplyType : ObjectGraphType<ChatReply>
{
    public ChatReplyType()
    {
        Name = "ChatReply";
        Field<NonNullGraphType<IdGraphType>>("conversationId")
            .Description("Send it back to ask a follow-up.")
            .Resolve(context => context.Source.ConversationId);
        Field<NonNullGraphType<StringGraphType>>("message")
            .Resolve(context => context.Source.Message);
        Field<NonNullGraphType<ChatModeType>>("mode")
            .Resolve(context => context.Source.Mode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChatCitationType>>>>("citations")
            .Resolve(context => context.Source.Citations);
        Field<StringGraphType>("notice")
            .Description("About the chat's setup rather than this answer, e.g. that no AI provider is configured; null when there is nothing to say. Shown once, not with every reply.")
            .Resolve(context => context.Source.Notice);
    }
}
