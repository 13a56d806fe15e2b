using GraphQL;
using GraphQL.Types;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Http;
using MovieTrends.GraphQL.Schema;

namespace MovieTrends.GraphQL.Chat.Schema;

/// <summary>The Mutation root: the chat assistant.</summary>
public sealed class ChatMutationType : ObjectGraphType, IMutationRoot
{
    public ChatMutationType(ChatService chat, ChatClientResolver clients, IHttpContextAccessor httpContextAccessor)
    {
        Name = "Mutation";
        Field<NonNullGraphType<ChatReplyType>>("chat")
            .Description("Ask the assistant about the movies; answers are grounded in the catalog and cite the reads they used.")
            .Argument<NonNullGraphType<ChatInputType>>("input")
            .ResolveAsync(async context =>
            {
                var httpContext = httpContextAccessor.HttpContext;
                var client = clients.Resolve(httpContext);
                try
                {
                    return await chat.ChatAsync(context.GetArgument<ChatRequest>("input"), client, context.CancellationToken);
                }
                catch (ChatException e)
                {
                    if (e.RetryAfter is { } retryAfter && httpContext is not null)
                    {
                        GraphQLHttpStatus.RequestRetry(httpContext, StatusCodes.Status429TooManyRequests, retryAfter);
                    }

                    throw new ExecutionError(e.Message) { Code = e.Code };
                }
                catch (CatalogQueryException e)
                {
                    throw new ExecutionError(e.Message) { Code = e.Code };
                }
            });
    }
}
