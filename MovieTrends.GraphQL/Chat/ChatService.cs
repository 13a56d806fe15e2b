using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Chat.Conversations;
using MovieTrends.GraphQL.Chat.Llm;
using MovieTrends.GraphQL.Chat.Offline;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// One chat turn: check the request and rebuild the view (both free: a refused request costs no allowance
/// and writes nothing), spend one of the client's allowance, open the conversation, answer through the AI
/// provider (or the offline analyst without a key or when the provider fails), and store the exchange,
/// all within the chat's time budget.
/// </summary>
public sealed class ChatService(
    ICatalogReader reader,
    ConversationStore conversations,
    ChatRateLimiter rateLimiter,
    OfflineAnalyst offlineAnalyst,
    IOptions<ChatSettings> options,
    LlmAnalyst? llmAnalyst = null)
{
    private readonly ChatSettings _settings = options.Value;

    /// <param name="client">Who is asking, for the rate limit (the client's address).</param>
    /// <exception cref="ChatException">
    /// EMPTY_MESSAGE, MESSAGE_TOO_LONG, INVALID_MESSAGE, INVALID_CONVERSATION_ID, INVALID_VIEW, RATE_LIMITED,
    /// CONVERSATION_NOT_FOUND, CHAT_TIMEOUT.
    /// </exception>
    /// <exception cref="CatalogQueryException">The view asks for something the catalog refuses (e.g. an unknown genre).</exception>
    public async Task<ChatReply> ChatAsync(ChatRequest request, string client, CancellationToken cancellationToken)
    {
        var valid = ChatRequestValidator.Validate(request, _settings.MaxMessageLength);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(_settings.TimeoutSeconds));
        try
        {
            // Rebuilt in both modes and before the allowance is spent, so a view the catalog refuses is the same
            // clear error with or without a key, and costs nothing. Its reads are not cited: citations are the
            // reads made while answering.
            var snapshot = await ViewSnapshot.RebuildAsync(valid.View, new CatalogTools(reader), budget.Token);
            await rateLimiter.AcquireAsync(client, budget.Token);
            var conversation = await conversations.OpenAsync(valid.ConversationId, budget.Token);

            var (answer, mode, citations) = await AnswerAsync(conversation, valid.Message, valid.View, snapshot, budget.Token);
            await conversations.AppendAsync(conversation.Id, valid.Message, answer, budget.Token);
            var notice = llmAnalyst is null ? OfflineAnalyst.SetupNotice : null;
            return new ChatReply(conversation.Id.ToString(), answer, mode, citations, notice);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ChatException(
                ChatErrorCodes.ChatTimeout,
                $"The answer took longer than the chat's {_settings.TimeoutSeconds} seconds; ask again, or ask a narrower question.");
        }
    }

    private async Task<(string Answer, ChatMode Mode, IReadOnlyList<ChatCitation> Citations)> AnswerAsync(
        Conversation conversation, string message, ChatView view, ViewSnapshot snapshot, CancellationToken cancellationToken)
    {
        string? fallbackReason = null;
        if (llmAnalyst is not null)
        {
            var llmTools = new CatalogTools(reader);
            try
            {
                var answer = await llmAnalyst.AnswerAsync(conversation.History, message, snapshot, llmTools, cancellationToken);
                return (answer, ChatMode.Llm, llmTools.Citations);
            }
            catch (ProviderUnavailableException e)
            {
                fallbackReason = e.Message;
            }
        }

        var offlineTools = new CatalogTools(reader);
        var offlineAnswer = await offlineAnalyst.AnswerAsync(message, conversation.History, view, offlineTools, fallbackReason, cancellationToken);
        return (offlineAnswer, ChatMode.Offline, offlineTools.Citations);
    }
}
