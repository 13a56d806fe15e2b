namespace MovieTrends.GraphQL.Chat;

public static class ChatTelemetry
{
    /// <summary>Activity source and meter of the gen_ai spans and token-usage metrics.</summary>
    public const string SourceName = "MovieTrends.Chat";
}
