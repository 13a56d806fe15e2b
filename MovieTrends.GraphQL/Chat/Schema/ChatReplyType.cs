using GraphQL.Types;

namespace MovieTrends.GraphQL.Chat.Schema;

public sealed class ChatReplyType : ObjectGraphType<ChatReply>
{
    public ChatReplyType()
    {
        Name = "ChatReply";
        Field(reply => reply.ConversationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Send it back to ask a follow-up.");
        Field(reply => reply.Message);
        Field(reply => reply.Mode, type: typeof(NonNullGraphType<ChatModeType>));
        Field(reply => reply.Citations, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ChatCitationType>>>));
    }
}
