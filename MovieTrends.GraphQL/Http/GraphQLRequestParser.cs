using System.Buffers;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;
using MovieTrends.GraphQL.Execution;

namespace MovieTrends.GraphQL.Http;

/// <summary>
/// Reads the GraphQL-over-HTTP request parameters (query, operationName, variables, extensions) from a
/// JSON body or a query string. Unknown keys are ignored; wrong types are a 400 that names the key, and so is a
/// parameter given twice, in the body as in the query string: a JSON reader that keeps the first of two keys and one
/// that keeps the last would run different requests, so neither is chosen.
/// </summary>
public sealed class GraphQLRequestParser(GraphQLJson json)
{
    private static readonly string[] RequestKeys = ["query", "operationName", "variables", "extensions"];

    public GraphQLRequest? ParseBody(ReadOnlySequence<byte> body, out RequestProblem? problem)
    {
        problem = BodyEncoding.FindProblem(body);
        if (problem is not null)
        {
            return null;
        }

        string? query = null;
        string? operationName = null;
        Inputs? variables = null;
        Inputs? extensions = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = RequestProblem.InvalidRequest("The body must be a JSON object with a 'query' string (batches are not supported).");
                return null;
            }

            var seen = new bool[RequestKeys.Length];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                problem = RepeatedKey(ref reader, seen);
                if (problem is not null)
                {
                    return null;
                }

                if (reader.ValueTextEquals("query"u8))
                {
                    query = ReadString(ref reader, "query", ref problem);
                }
                else if (reader.ValueTextEquals("operationName"u8))
                {
                    operationName = ReadString(ref reader, "operationName", ref problem);
                }
                else if (reader.ValueTextEquals("variables"u8))
                {
                    variables = ReadInputs(ref reader, "variables", ref problem);
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    extensions = ReadInputs(ref reader, "extensions", ref problem);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }

                if (problem is not null)
                {
                    return null;
                }
            }

            if (reader.Read())
            {
                problem = RequestProblem.InvalidJson();
                return null;
            }
        }
        catch (JsonException exception)
        {
            problem = IsUnpairedSurrogate(exception) ? RequestProblem.UnpairedSurrogate() : RequestProblem.InvalidJson();
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on a string with a lone \uD800-style escape: the only text the bytes check cannot see.
            problem = RequestProblem.UnpairedSurrogate();
            return null;
        }

        return Create(query, operationName, variables, extensions, ref problem);
    }

    public GraphQLRequest? ParseQueryString(IQueryCollection parameters, out RequestProblem? problem)
    {
        problem = RepeatedParameter(parameters);
        if (problem is not null)
        {
            return null;
        }

        var variables = ParseInputs(parameters["variables"], "variables", ref problem);
        var extensions = ParseInputs(parameters["extensions"], "extensions", ref problem);
        if (problem is not null)
        {
            return null;
        }

        var operationName = parameters["operationName"].ToString();
        return Create(
            parameters["query"].ToString(),
            operationName.Length == 0 ? null : operationName,
            variables,
            extensions,
            ref problem);
    }

    /// <summary>
    /// A request parameter given more than once: the collection would join the values with a comma into a request
    /// nobody sent, so it is refused instead.
    /// </summary>
    private static RequestProblem? RepeatedParameter(IQueryCollection parameters)
    {
        foreach (var key in RequestKeys)
        {
            if (parameters[key].Count > 1)
            {
                return RequestProblem.InvalidRequest($"'{key}' is given {parameters[key].Count} times in the query string; give it once.");
            }
        }

        return null;
    }

    /// <summary>Marks the request parameter the reader is at as seen, or names it when it was seen before.</summary>
    private static RequestProblem? RepeatedKey(ref Utf8JsonReader reader, bool[] seen)
    {
        for (var index = 0; index < RequestKeys.Length; index++)
        {
            if (reader.ValueTextEquals(RequestKeys[index]))
            {
                if (seen[index])
                {
                    return RequestProblem.InvalidRequest($"'{RequestKeys[index]}' is given more than once in the body; give it once.");
                }

                seen[index] = true;
                return null;
            }
        }

        return null;
    }

    private static GraphQLRequest? Create(
        string? query, string? operationName, Inputs? variables, Inputs? extensions, ref RequestProblem? problem)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            problem = RequestProblem.MissingQuery();
            return null;
        }

        return new GraphQLRequest(query, operationName, variables, extensions);
    }

    /// <summary>The serializer reports a string it could not decode (variables) as a JsonException around the reader's error.</summary>
    private static bool IsUnpairedSurrogate(JsonException exception) => exception.InnerException is InvalidOperationException;

    /// <summary>
    /// GraphQL.NET reads an inputs object into a dictionary with Add, so a key given twice in one object, at any depth,
    /// throws: the client's mistake, which must not be answered as a fault, nor quietly settled by one of the values.
    /// </summary>
    private static bool IsKeyGivenTwice(ArgumentException exception) => exception.GetType() == typeof(ArgumentException);

    private static RequestProblem KeyGivenTwiceInside(string key) =>
        RequestProblem.InvalidRequest($"'{key}' gives one key more than once in the same object; give it once.");

    private static string? ReadString(ref Utf8JsonReader reader, string key, ref RequestProblem? problem)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                problem = RequestProblem.InvalidRequest($"'{key}' must be a string.");
                return null;
        }
    }

    private Inputs? ReadInputs(ref Utf8JsonReader reader, string key, ref RequestProblem? problem)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                try
                {
                    return JsonSerializer.Deserialize<Inputs>(ref reader, json.Options);
                }
                catch (ArgumentException exception) when (IsKeyGivenTwice(exception))
                {
                    problem = KeyGivenTwiceInside(key);
                    return null;
                }
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                problem = RequestProblem.InvalidRequest($"'{key}' must be a JSON object.");
                return null;
        }
    }

    private Inputs? ParseInputs(string? text, string key, ref RequestProblem? problem)
    {
        if (string.IsNullOrEmpty(text) || problem is not null)
        {
            return null;
        }

        try
        {
            var trimmed = text.AsSpan().TrimStart();
            if (trimmed.StartsWith("null"))
            {
                return null;
            }

            if (!trimmed.StartsWith("{"))
            {
                problem = RequestProblem.InvalidRequest($"'{key}' must be a JSON object.");
                return null;
            }

            return JsonSerializer.Deserialize<Inputs>(text, json.Options);
        }
        catch (ArgumentException exception) when (IsKeyGivenTwice(exception))
        {
            problem = KeyGivenTwiceInside(key);
            return null;
        }
        catch (JsonException)
        {
            problem = RequestProblem.InvalidRequest($"'{key}' is not valid JSON; send a JSON object.");
            return null;
        }
    }
}
