using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MovieTrends.Tests.GraphQL;

/// <summary>Posts GraphQL requests to the running service and unwraps the response.</summary>
public sealed class GraphQLTestClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The response's data; fails the test when the response has errors.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return response.GetProperty("data");
    }

    /// <summary>The one error of the response, whose data must be null.</summary>
    public async Task<JsonElement> ErrorAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        var errors = response.GetProperty("errors");
        Assert.Equal(1, errors.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
        return errors[0];
    }
}

internal static class JsonElementExtensions
{
    public static int[] Ints(this JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetInt32())];

    public static string[] Strings(this JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
