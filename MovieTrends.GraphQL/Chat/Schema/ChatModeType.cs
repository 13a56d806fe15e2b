using GraphQL.Types;

namespace MovieTrends.GraphQL.Chat.Schema;

public sealed class ChatModeType : EnumerationGraphType<ChatMode>
{
    public ChatModeType()
    {
        Name = "ChatMode";
        Description = "LLM: answered by the AI provider. OFFLINE: answered by the offline analyst's fixed rules.";
    }
}
