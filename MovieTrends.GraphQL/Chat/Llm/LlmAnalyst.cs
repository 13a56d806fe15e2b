using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Chat.Conversations;

namespace MovieTrends.GraphQL.Chat.Llm;

/// <summary>Answers through the configured AI provider, with the catalog tools and the rebuilt view.</summary>
public sealed partial class LlmAnalyst(IChatClient chatClient, IOptions<ChatSettings> options, ILogger<LlmAnalyst> logger)
{
    private readonly ChatSettings settings = options.Value;

    /// <exception cref="ProviderUnavailableException">Timeout, unreachable, an HTTP error or an empty answer.</exception>
    public async Task<string> AnswerAsync(
        IReadOnlyList<ConversationMessage> history,
        string message,
        ViewSnapshot view,
        CatalogTools tools,
        CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, SystemPrompt.For(view)),
            .. history.Select(turn => new ChatMessage(turn.FromUser ? ChatRole.User : ChatRole.Assistant, turn.Content)),
            new(ChatRole.User, message),
        ];
        var chatOptions = new ChatOptions
        {
            ModelId = settings.Model,
            Tools = ToolFunctions.For(tools),
            ToolMode = ChatToolMode.Auto,
            MaxOutputTokens = settings.MaxOutputTokens,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            var response = await chatClient.GetResponseAsync(messages, chatOptions, timeout.Token);
            return string.IsNullOrWhiteSpace(response.Text)
                ? throw new ProviderUnavailableException("returned an empty answer")
                : response.Text;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogProviderFailure(logger, "timeout", null);
            throw new ProviderUnavailableException($"did not answer within {settings.TimeoutSeconds} seconds", e);
        }
        catch (ClientResultException e)
        {
            // The provider's own text can echo request details; only the status code is kept.
            LogProviderFailure(logger, "HTTP error", e.Status);
            throw new ProviderUnavailableException(e.Status switch
            {
                0 => "could not be reached",
                401 or 403 => $"rejected the API key (HTTP {e.Status})",
                429 => "is rate-limiting this service (HTTP 429)",
                _ => $"answered with an error (HTTP {e.Status})",
            }, e);
        }
        catch (HttpRequestException e)
        {
            LogProviderFailure(logger, "unreachable", null);
            throw new ProviderUnavailableException("could not be reached", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AI provider gave no answer ({Failure}, status {Status}); the offline analyst answers instead.")]
    private static partial void LogProviderFailure(ILogger logger, string failure, int? status);
}
