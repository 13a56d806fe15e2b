namespace MovieTrends.GraphQL.Chat.Llm;

/// <summary>The AI provider gave no usable answer; <see cref="Exception.Message"/> says why and is safe to show users.</summary>
public sealed class ProviderUnavailableException(string reason) : Exception(reason);
