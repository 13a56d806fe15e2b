using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Chat.Conversations;

namespace MovieTrends.GraphQL.Chat.Llm;

/// <summary>Answers through the configured AI provider, with the catalog tools and the rebuilt view.</summary>
public sealed partial class LlmAnalyst(IChatClient chatClient, IOptions<ChatSettings> options, ILogger<LlmAnalyst> logger)
{
    private readonly ChatSettings _settings = options.Value;

    /// <exception cref="ProviderUnavailableException">Timeout, unreachable, an HTTP error or an empty answer (logged here).</exception>
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
            ModelId = _settings.Model,
            Tools = ToolFunctions.For(tools),
            ToolMode = ChatToolMode.Auto,
            MaxOutputTokens = _settings.MaxOutputTokens,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_settings.ProviderTimeoutSeconds));
        try
        {
            var response = await chatClient.GetResponseAsync(messages, chatOptions, timeout.Token);
            return string.IsNullOrWhiteSpace(response.Text)
                ? throw new ProviderUnavailableException("returned an empty answer")
                : response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail($"did not answer within {_settings.ProviderTimeoutSeconds} seconds");
        }
        catch (ProviderUnavailableException e)
        {
            return Fail(e.Message);
        }
    }

    private string Fail(string reason)
    {
        LogProviderFailure(logger, reason);
        throw new ProviderUnavailableException(reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AI provider {Reason}; the offline analyst answers instead.")]
    private static partial void LogProviderFailure(ILogger logger, string reason);
}
