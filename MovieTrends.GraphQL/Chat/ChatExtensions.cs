using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Chat;
using MovieTrends.GraphQL.Chat.Conversations;
using MovieTrends.GraphQL.Chat.Llm;
using MovieTrends.GraphQL.Chat.Offline;
using MovieTrends.GraphQL.Chat.Schema;
using MovieTrends.GraphQL.Schema;
using OpenAI;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class ChatExtensions
{
    /// <summary>
    /// The chat assistant: the AI provider when <c>Chat:ApiKey</c> is set, the offline analyst always,
    /// conversations in the catalog database, and the per-client rate limit.
    /// Needs an <c>NpgsqlDataSource</c> and an <c>ICatalogReader</c> (see <c>AddGraphQLApi</c>).
    /// </summary>
    public static TBuilder AddChat<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(ChatSettings.SectionName);
        builder.Services.AddOptions<ChatSettings>()
            .Bind(section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ChatSettings>, ChatSettingsValidator>();

        builder.Services.AddSingleton<ChatRateLimiter>();
        builder.Services.AddSingleton<ChatClientResolver>();
        builder.Services.AddSingleton<ConversationStore>();
        builder.Services.AddSingleton<OfflineAnalyst>();
        builder.Services.AddSingleton<ChatService>();
        builder.Services.AddSingleton<IMutationRoot, ChatMutationType>();

        var settings = section.Get<ChatSettings>() ?? new ChatSettings();
        if (settings.HasApiKey)
        {
            builder.Services.AddSingleton<LlmAnalyst>();
            builder.Services.AddChatClient(_ => CreateProviderClient(settings))
                .UseFunctionInvocation(configure: invoker => invoker.MaximumIterationsPerRequest = settings.MaxToolRounds)
                // Spans and token metrics only: prompts and answers stay out of telemetry.
                .UseOpenTelemetry(sourceName: ChatTelemetry.SourceName, configure: telemetry => telemetry.EnableSensitiveData = false)
                .Use(provider => new ProviderErrorBoundary(provider));
        }

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(ChatTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(ChatTelemetry.SourceName));
        return builder;
    }

    private static IChatClient CreateProviderClient(ChatSettings settings)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(settings.ProviderTimeoutSeconds),
            // The answer has one time budget; a retry would spend it, and the provider budget, twice.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The client's own request logging is off: failures are logged by the analyst, without provider text.
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false },
        };
        return new OpenAIClient(new ApiKeyCredential(settings.ApiKey!), options).GetChatClient(settings.Model).AsIChatClient();
    }
}
