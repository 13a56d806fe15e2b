using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MovieTrends.GraphQL.Errors;
using MovieTrends.GraphQL.Execution;
using MovieTrends.GraphQL.Telemetry;

namespace MovieTrends.GraphQL.Http;

/// <summary>
/// The GraphQL-over-HTTP transport at /graphql: POST with a JSON body, GET with query parameters
/// (queries only). Repeated requests are answered from the response cache before any parsing.
/// </summary>
public sealed class GraphQLHttpHandler(
    GraphQLExecutor executor,
    GraphQLRequestParser parser,
    ResponseCache responseCache,
    GraphQLTelemetry telemetry,
    IOptions<GraphQLLimits> limits)
{
    private readonly int _maxRequestBytes = limits.Value.MaxRequestBytes;

    public async Task HandlePostAsync(HttpContext context, ResponseMediaType mediaType)
    {
        var request = context.Request;
        if (!GraphQLMediaTypes.IsJsonRequest(request.ContentType))
        {
            await WriteProblemAsync(context, mediaType, RequestProblem.UnsupportedMediaType());
            return;
        }

        if (request.ContentLength > _maxRequestBytes)
        {
            await WriteProblemAsync(context, mediaType, RequestProblem.TooLarge(_maxRequestBytes));
            return;
        }

        var bodyReader = request.BodyReader;
        var body = await ReadBodyAsync(bodyReader, context.RequestAborted);
        if (body is null)
        {
            await WriteProblemAsync(context, mediaType, RequestProblem.TooLarge(_maxRequestBytes));
            return;
        }

        var buffer = body.Value;
        var cached = FindCached(buffer);
        if (cached is not null)
        {
            bodyReader.AdvanceTo(buffer.End);
            await WriteCachedAsync(context, mediaType, cached);
            return;
        }

        var key = buffer.ToArray();
        var graphQLRequest = parser.ParseBody(buffer, out var problem);
        bodyReader.AdvanceTo(buffer.End);
        if (graphQLRequest is null)
        {
            await WriteProblemAsync(context, mediaType, problem!);
            return;
        }

        await ExecuteAsync(context, mediaType, executor.Prepare(graphQLRequest), key);
    }

    public async Task HandleGetAsync(HttpContext context, ResponseMediaType mediaType)
    {
        var key = Encoding.UTF8.GetBytes(context.Request.QueryString.Value ?? string.Empty);
        if (responseCache.TryGet(key, out var cached))
        {
            telemetry.CacheLookup(GraphQLTelemetry.Caches.Response, hit: true);
            await WriteCachedAsync(context, mediaType, cached!);
            return;
        }

        telemetry.CacheLookup(GraphQLTelemetry.Caches.Response, hit: false);
        var graphQLRequest = parser.ParseQueryString(context.Request.Query, out var problem);
        if (graphQLRequest is null)
        {
            await WriteProblemAsync(context, mediaType, problem!);
            return;
        }

        var prepared = executor.Prepare(graphQLRequest);
        if (prepared.Type == OperationType.Mutation)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await WriteProblemAsync(context, mediaType, RequestProblem.MutationOverGet());
            return;
        }

        await ExecuteAsync(context, mediaType, prepared, key);
    }

    private async Task ExecuteAsync(HttpContext context, ResponseMediaType mediaType, PreparedRequest prepared, byte[] cacheKey)
    {
        var version = responseCache.Version;
        var execution = await executor.ExecuteAsync(prepared, RequestOrigin.Of(context), context.RequestAborted);
        responseCache.Add(cacheKey, execution, version);

        var preferred = execution.PreferredStatus;
        if (preferred?.RetryAfterHeader is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        // Unless an error's code asks for a status: application/json answers every well-formed request with 200;
        // the specification's media type tells a request that never ran (syntax, validation, variables) apart with 400.
        var status = preferred?.StatusCode
            ?? (mediaType == ResponseMediaType.GraphQLResponseJson && !execution.Executed
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status200OK);
        await WriteAsync(context, mediaType, status, execution.Body);
    }

    private GraphQLExecution? FindCached(ReadOnlySequence<byte> body)
    {
        GraphQLExecution? cached;
        if (body.IsSingleSegment)
        {
            responseCache.TryGet(body.FirstSpan, out cached);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent((int)body.Length);
            body.CopyTo(rented);
            responseCache.TryGet(rented.AsSpan(0, (int)body.Length), out cached);
            ArrayPool<byte>.Shared.Return(rented);
        }

        telemetry.CacheLookup(GraphQLTelemetry.Caches.Response, hit: cached is not null);
        return cached;
    }

    private Task WriteCachedAsync(HttpContext context, ResponseMediaType mediaType, GraphQLExecution cached)
    {
        using (var activity = GraphQLTelemetry.ActivitySource.StartActivity($"{cached.OperationType} {cached.OperationName}"))
        {
            activity?.SetTag(GraphQLTelemetry.TagNames.OperationName, cached.OperationName);
            activity?.SetTag(GraphQLTelemetry.TagNames.OperationType, cached.OperationType);
            activity?.SetTag(GraphQLTelemetry.TagNames.CacheHit, true);
            activity?.SetTag(GraphQLTelemetry.TagNames.Outcome, "success");
        }

        telemetry.OperationCompleted(cached.OperationName, cached.OperationType, "success");
        return WriteAsync(context, mediaType, StatusCodes.Status200OK, cached.Body);
    }

    /// <summary>Buffers the whole body, or returns null once it grows past the limit.</summary>
    private async Task<ReadOnlySequence<byte>?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > _maxRequestBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                return read.Buffer;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    public static Task WriteProblemAsync(HttpContext context, ResponseMediaType mediaType, RequestProblem problem) =>
        WriteAsync(context, mediaType, problem.StatusCode, ProblemBody.Create(problem));

    private static Task WriteAsync(HttpContext context, ResponseMediaType mediaType, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = GraphQLMediaTypes.ContentType(mediaType);
        response.ContentLength = body.Length;
        response.Headers.Vary = HeaderNames.Accept;
        return response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }
}
