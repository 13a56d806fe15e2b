namespace MovieTrends.GraphQL.Chat;

/// <summary>The "Chat" configuration section: the AI provider and the limits that protect its budget.</summary>
public sealed class ChatSettings
{
    public const string SectionName = "Chat";

    /// <summary>Any OpenAI-compatible chat-completions endpoint.</summary>
    public Uri Endpoint { get; set; } = new("https://api.x.ai/v1");

    public string Model { get; set; } = "grok-4-1-fast-non-reasoning";

    /// <summary>Without a key the offline analyst answers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Budget for the whole chat turn: the view, the model or the offline answer, and storing the exchange.
    /// Ends inside the operation's budget (GraphQL:Limits:ExecutionTimeout), so a slow turn is a chat error,
    /// never the operation's TIMEOUT.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 8;

    /// <summary>
    /// The model's share of <see cref="TimeoutSeconds"/>, tool calls included. Ends early enough that the
    /// offline analyst still answers inside the chat's budget when the provider is slow.
    /// </summary>
    public int ProviderTimeoutSeconds { get; set; } = 5;

    public int MaxOutputTokens { get; set; } = 1500;

    /// <summary>Model round trips allowed per answer, so a model looping on tools cannot run up the bill.</summary>
    public int MaxToolRounds { get; set; } = 5;

    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Messages kept per conversation (user and assistant together); older ones are dropped.</summary>
    public int HistoryMessages { get; set; } = 20;

    /// <summary>A conversation expires this long after its last message.</summary>
    public int ConversationHours { get; set; } = 24;

    public ChatRateLimitSettings RateLimit { get; set; } = new();

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>A token bucket per client address, shared by the replicas: bursts up to <see cref="BurstLimit"/>, refilled steadily.</summary>
public sealed class ChatRateLimitSettings
{
    /// <summary>With the longest client address (45 characters) the key stays inside the table's 200.</summary>
    public const int MaxScopeLength = 64;

    public int BurstLimit { get; set; } = 10;

    public int MessagesPerMinute { get; set; } = 10;

    /// <summary>
    /// Replicas with the same scope share each client's allowance (it is kept in the database). Only a second
    /// deployment over the same database, or a test host standing for one, needs a scope of its own.
    /// </summary>
    public string Scope { get; set; } = "default";
}
