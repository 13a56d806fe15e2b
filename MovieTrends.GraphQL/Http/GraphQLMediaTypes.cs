using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MovieTrends.GraphQL.Http;

/// <summary>The response media types of the GraphQL-over-HTTP specification, and how a request picks one.</summary>
public enum ResponseMediaType
{
    NotAcceptable,
    GraphQLResponseJson,
    Json,
}

public static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";
    public const string JsonUtf8 = Json + "; charset=utf-8";

    public static string ContentType(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.Json ? JsonUtf8 : GraphQLResponseJsonUtf8;

    /// <summary>
    /// application/graphql-response+json unless the client asks only for application/json (or ranks it
    /// higher); no Accept header or a wildcard gets the default.
    /// </summary>
    public static ResponseMediaType Negotiate(StringValues accept)
    {
        if (accept.Count == 0)
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        // The common headers, decided without parsing.
        if (accept.Count == 1)
        {
            switch (accept[0])
            {
                case "" or "*/*" or GraphQLResponseJson:
                    return ResponseMediaType.GraphQLResponseJson;
                case Json:
                    return ResponseMediaType.Json;
            }
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return ResponseMediaType.NotAcceptable;
        }

        var best = ResponseMediaType.NotAcceptable;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0 || (range.Charset.HasValue && !IsUtf8(range.Charset)))
            {
                continue;
            }

            var candidate = MediaTypeOf(range);
            if (candidate == ResponseMediaType.NotAcceptable)
            {
                continue;
            }

            // On equal quality the specification's own media type wins.
            if (quality > bestQuality || (quality == bestQuality && candidate == ResponseMediaType.GraphQLResponseJson))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>A browser navigating to the endpoint: it names text/html explicitly.</summary>
    public static bool WantsHtml(StringValues accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        foreach (var range in ranges)
        {
            if (range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1.0) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>POST bodies must be JSON in UTF-8: a form or text/plain body is refused, which also blocks CSRF.</summary>
    public static bool IsJsonRequest(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        if (contentType is Json or JsonUtf8)
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            && (!parsed.Charset.HasValue || IsUtf8(parsed.Charset));
    }

    private static ResponseMediaType MediaTypeOf(MediaTypeHeaderValue range)
    {
        var mediaType = range.MediaType;
        if (mediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("*/*", StringComparison.Ordinal)
            || mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        return mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            ? ResponseMediaType.Json
            : ResponseMediaType.NotAcceptable;
    }

    private static bool IsUtf8(StringSegment charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
