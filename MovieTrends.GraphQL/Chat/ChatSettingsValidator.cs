using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Execution;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// Refuses, at start-up, chat settings the service cannot honour: limits that are not positive, and time
/// budgets that do not nest. The model's budget must end at least <see cref="FallbackReserveSeconds"/>
/// before the chat's, and the chat's before the operation's, so a slow provider ends in the offline answer
/// and a slow turn in CHAT_TIMEOUT, never in the operation's TIMEOUT.
/// </summary>
public sealed class ChatSettingsValidator(IOptions<GraphQLLimits> limits) : IValidateOptions<ChatSettings>
{
    /// <summary>Time kept for the offline analyst and for storing the exchange after the provider gives up.</summary>
    public const int FallbackReserveSeconds = 1;

    public ValidateOptionsResult Validate(string? name, ChatSettings settings)
    {
        var failures = new List<string>();
        (string Name, int Value)[] positives =
        [
            (nameof(settings.TimeoutSeconds), settings.TimeoutSeconds),
            (nameof(settings.ProviderTimeoutSeconds), settings.ProviderTimeoutSeconds),
            (nameof(settings.MaxMessageLength), settings.MaxMessageLength),
            (nameof(settings.HistoryMessages), settings.HistoryMessages),
            (nameof(settings.ConversationHours), settings.ConversationHours),
            (nameof(settings.MaxToolRounds), settings.MaxToolRounds),
            (nameof(settings.MaxOutputTokens), settings.MaxOutputTokens),
            ("RateLimit:BurstLimit", settings.RateLimit.BurstLimit),
            ("RateLimit:MessagesPerMinute", settings.RateLimit.MessagesPerMinute),
        ];
        failures.AddRange(positives.Where(setting => setting.Value <= 0).Select(setting => $"Chat:{setting.Name} must be a positive number (it is {setting.Value})."));

        if (settings.RateLimit.Scope is not { Length: > 0 and <= ChatRateLimitSettings.MaxScopeLength })
        {
            failures.Add($"Chat:RateLimit:Scope must be 1 to {ChatRateLimitSettings.MaxScopeLength} characters (it is '{settings.RateLimit.Scope}').");
        }

        var operationSeconds = limits.Value.ExecutionTimeout.TotalSeconds;
        if (settings.TimeoutSeconds >= operationSeconds)
        {
            failures.Add($"Chat:TimeoutSeconds ({settings.TimeoutSeconds}) must be less than {GraphQLLimits.SectionName}:ExecutionTimeout ({operationSeconds:0.###} s), so the chat ends inside the operation's budget.");
        }

        if (settings.ProviderTimeoutSeconds + FallbackReserveSeconds > settings.TimeoutSeconds)
        {
            failures.Add($"Chat:ProviderTimeoutSeconds ({settings.ProviderTimeoutSeconds}) must be at most Chat:TimeoutSeconds ({settings.TimeoutSeconds}) minus {FallbackReserveSeconds}, so the offline analyst can still answer when the provider is slow.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
