using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Chat.Conversations;
using MovieTrends.GraphQL.Chat.Llm;
using MovieTrends.GraphQL.Chat.Offline;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// One chat turn: check the message and the client's budget, open the conversation, rebuild the view,
/// answer through the AI provider (or the offline analyst without a key or when the provider fails),
/// and store the exchange.
/// </summary>
public sealed class ChatService(
    ICatalogReader reader,
    ConversationStore conversations,
    ChatRateLimiter rateLimiter,
    OfflineAnalyst offlineAnalyst,
    IOptions<ChatSettings> options,
    LlmAnalyst? llmAnalyst = null)
{
    private readonly ChatSettings settings = options.Value;

    /// <param name="client">Who is asking, for the rate limit (the client's address).</param>
    /// <exception cref="ChatException">EMPTY_MESSAGE, MESSAGE_TOO_LONG, RATE_LIMITED, CONVERSATION_NOT_FOUND.</exception>
    /// <exception cref="CatalogQueryException">The view asks for something the catalog refuses (e.g. an unknown genre).</exception>
    public async Task<ChatReply> ChatAsync(ChatRequest request, string client, CancellationToken cancellationToken)
    {
        var message = Validate(request.Message);
        rateLimiter.Acquire(client);
        var conversation = await conversations.OpenAsync(request.ConversationId, cancellationToken);
        var view = request.View ?? ChatView.Empty;

        var (answer, mode, citations) = await AnswerAsync(conversation, message, view, cancellationToken);
        await conversations.AppendAsync(conversation.Id, message, answer, cancellationToken);
        return new ChatReply(conversation.Id.ToString(), answer, mode, citations);
    }

    private async Task<(string Answer, ChatMode Mode, IReadOnlyList<ChatCitation> Citations)> AnswerAsync(
        Conversation conversation, string message, ChatView view, CancellationToken cancellationToken)
    {
        // Rebuilt in both modes, so a view the catalog refuses is the same clear error with or without a key.
        // Its reads are not cited: citations are the reads made while answering.
        var snapshot = await ViewSnapshot.RebuildAsync(view, new CatalogTools(reader), cancellationToken);
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
        var offlineAnswer = await offlineAnalyst.AnswerAsync(message, view, offlineTools, fallbackReason, cancellationToken);
        return (offlineAnswer, ChatMode.Offline, offlineTools.Citations);
    }

    private string Validate(string message)
    {
        var trimmed = message.Trim();
        if (trimmed.Length == 0)
        {
            throw new ChatException(ChatErrorCodes.EmptyMessage, "The message is empty; write a question about the movies.");
        }

        return trimmed.Length <= settings.MaxMessageLength
            ? trimmed
            : throw new ChatException(
                ChatErrorCodes.MessageTooLong,
                $"The message has {trimmed.Length} characters; the limit is {settings.MaxMessageLength}. Shorten it and send it again.");
    }
}
