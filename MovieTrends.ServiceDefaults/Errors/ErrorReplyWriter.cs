using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MovieTrends.ServiceDefaults.Errors;

/// <summary>Writes an <see cref="ErrorReply"/> as a GraphQL error under the GraphQL paths and as one line of text elsewhere.</summary>
public sealed class ErrorReplyWriter(IOptions<ErrorReplyOptions> options)
{
    private readonly PathString[] _graphQLPaths = [.. options.Value.GraphQLPaths];

    public Task WriteAsync(HttpContext context, ErrorReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.StatusCode;

        byte[] body;
        if (IsGraphQLPath(context.Request.Path))
        {
            response.ContentType = "application/json; charset=utf-8";
            body = GraphQLErrorBody.Create(reply.Code, reply.Message, reply.CorrelationId);
        }
        else
        {
            response.ContentType = "text/plain; charset=utf-8";
            body = Encoding.UTF8.GetBytes($"{reply.Code}: {reply.Message}\n");
        }

        response.ContentLength = body.Length;
        // A refusal is answered even when the client gave up; writing to a gone client just ends quietly.
        return response.Body.WriteAsync(body, 0, body.Length, CancellationToken.None);
    }

    private bool IsGraphQLPath(PathString path)
    {
        foreach (var graphQLPath in _graphQLPaths)
        {
            if (path.StartsWithSegments(graphQLPath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
