using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.GraphQL.Chat.Conversations;

/// <summary>
/// Conversation history in PostgreSQL, so a follow-up can land on any replica. Bounded: only the latest
/// messages are kept, a stored reply is cut to a fixed size, and a conversation expires a fixed time
/// after its last message (expired ones are ignored, and purged whenever a new conversation starts).
/// Every call reports to <see cref="DatabaseAvailability"/>, so an outage met by the chat is logged and named
/// like one met by the catalog.
/// </summary>
public sealed class ConversationStore(NpgsqlDataSource dataSource, DatabaseAvailability availability, IOptions<ChatSettings> options)
{
    public const int MaxStoredReplyLength = 8000;

    private readonly ChatSettings _settings = options.Value;

    /// <summary>A new conversation when <paramref name="conversationId"/> is null, else the stored one.</summary>
    /// <exception cref="ChatException">CONVERSATION_NOT_FOUND: unknown or expired id.</exception>
    public async Task<Conversation> OpenAsync(Guid? conversationId, CancellationToken cancellationToken)
    {
        if (conversationId is not { } id)
        {
            await availability.ObserveAsync(() => PurgeExpiredAsync(cancellationToken), cancellationToken);
            return new Conversation(Guid.CreateVersion7(), []);
        }

        var history = await availability.ObserveAsync(() => ReadHistoryAsync(id, cancellationToken), cancellationToken);
        // Messages are only ever stored with their conversation, so no rows means no live conversation.
        if (history.Count == 0)
        {
            throw NotFound();
        }

        history.Reverse();
        return new Conversation(id, history);
    }

    /// <summary>Stores one exchange, slides the expiry and drops messages past the history bound, atomically.</summary>
    public async Task AppendAsync(Guid conversationId, string userMessage, string reply, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO chat_conversations (id, expires_at) VALUES ($1, now() + $2)
            ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at
            """,
            new NpgsqlParameter<Guid> { TypedValue = conversationId },
            new NpgsqlParameter<TimeSpan> { TypedValue = TimeSpan.FromHours(_settings.ConversationHours) }));
        batch.BatchCommands.Add(Command(
            "INSERT INTO chat_messages (conversation_id, role, content) VALUES ($1, 'user', $2), ($1, 'assistant', $3)",
            new NpgsqlParameter<Guid> { TypedValue = conversationId },
            new NpgsqlParameter<string> { TypedValue = userMessage },
            new NpgsqlParameter<string> { TypedValue = reply.Length > MaxStoredReplyLength ? reply[..MaxStoredReplyLength] : reply }));
        batch.BatchCommands.Add(Command(
            """
            DELETE FROM chat_messages
            WHERE conversation_id = $1
              AND id < (SELECT min(id) FROM (
                  SELECT id FROM chat_messages WHERE conversation_id = $1 ORDER BY id DESC LIMIT $2) AS kept)
            """,
            new NpgsqlParameter<Guid> { TypedValue = conversationId },
            new NpgsqlParameter<int> { TypedValue = _settings.HistoryMessages }));
        // A batch runs as one implicit transaction: the exchange is stored whole or not at all. The wait ends with the
        // statement (the request's end cancels it, within the call's bound), not at once: a turn refused for its time
        // must not find its exchange stored a moment later, once whatever held the write up lets go.
        await availability.ObserveAsync(() => batch.ExecuteNonQueryAsync(cancellationToken), CancellationToken.None);
    }

    private async Task<List<ConversationMessage>> ReadHistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT m.role = 'user', m.content
            FROM chat_messages m
            JOIN chat_conversations c ON c.id = m.conversation_id
            WHERE c.id = $1 AND c.expires_at > now()
            ORDER BY m.id DESC
            LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _settings.HistoryMessages });
        var history = new List<ConversationMessage>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(new ConversationMessage(reader.GetBoolean(0), reader.GetString(1)));
            }
        }

        return history;
    }

    private async Task PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM chat_conversations WHERE expires_at <= now()");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private ChatException NotFound() =>
        new(
            ChatErrorCodes.ConversationNotFound,
            $"This conversation is unknown or has expired (conversations expire {_settings.ConversationHours} hours after their last message). " +
            "Send the message without a conversationId to start a new conversation.");
}
