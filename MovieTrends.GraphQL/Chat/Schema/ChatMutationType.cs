using GraphQL;
using GraphQL.Types;
using MovieTrends.GraphQL.Execution;
using MovieTrends.GraphQL.Schema;

namespace MovieTrends.GraphQL.Chat.Schema;

/// <summary>The Mutation root: the chat assistant.</summary>
public sealed class ChatMutationType : ObjectGraphType, IMutationRoot
{
    public ChatMutationType(ChatService chat, ChatClientResolver clients)
    {
        Name = "Mutation";
        Field<NonNullGraphType<ChatReplyType>>("chat")
            .Description("Ask the assistant about the movies; answers are grounded in the catalog and cite the reads they used.")
            .Argument<NonNullGraphType<ChatInputType>>("input")
            .ResolveAsync(async context => await chat.ChatAsync(
                context.GetArgument<ChatRequest>("input"),
                clients.Resolve(RequestOrigin.Of(context)),
                context.CancellationToken));
    }
}
