using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace MovieTrends.GraphQL.Chat.Llm;

/// <summary>
/// Sits right above the provider client and turns its failures into <see cref="ProviderUnavailableException"/>
/// with a fixed, safe reason. A provider's error text can echo request details, the API key included;
/// it is dropped here, before the telemetry layer above logs the exception.
/// </summary>
public sealed class ProviderErrorBoundary(IChatClient provider) : DelegatingChatClient(provider)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (Reason(e) is { } reason)
        {
            throw new ProviderUnavailableException(reason);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception e) when (Reason(e) is { } reason)
            {
                throw new ProviderUnavailableException(reason);
            }

            yield return updates.Current;
        }
    }

    // The inner exception is not kept: its message is the provider's text.
    private static string? Reason(Exception exception) => exception switch
    {
        ClientResultException { Status: 0 } or HttpRequestException => "could not be reached",
        ClientResultException { Status: 401 or 403 } e => $"rejected the API key (HTTP {e.Status})",
        ClientResultException { Status: 429 } => "is rate-limiting this service (HTTP 429)",
        ClientResultException e => $"answered with an error (HTTP {e.Status})",
        _ => null,
    };
}
