using GraphQL;
using GraphQL.Types;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Chat.Schema;

/// <summary>The Mutation root: the chat assistant.</summary>
public sealed class ChatMutationType : ObjectGraphType
{
    public ChatMutationType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<ChatReplyType>>("chat")
            .Description("Ask the assistant about the movies; answers are grounded in the catalog and cite the reads they used.")
            .Argument<NonNullGraphType<ChatInputType>>("input")
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices ?? throw new InvalidOperationException("The GraphQL executor runs without request services.");
                var chat = services.GetRequiredService<ChatService>();
                var client = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                try
                {
                    return await chat.ChatAsync(context.GetArgument<ChatRequest>("input"), client, context.CancellationToken);
                }
                catch (ChatException e)
                {
                    throw new ExecutionError(e.Message) { Code = e.Code };
                }
                catch (CatalogQueryException e)
                {
                    throw new ExecutionError(e.Message) { Code = e.Code };
                }
            });
    }
}
