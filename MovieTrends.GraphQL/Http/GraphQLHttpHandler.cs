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
/// (queries only). Repeated requests are answered from the response cache before any parsing; other queries wait
/// for a place in execution once parsed (<see cref="ExecutionAdmission"/>) and give it back before their answer
/// is written, so a client slow to read holds no place.
/// </summary>
public sealed class GraphQLHttpHandler(
    GraphQLExecutor executor,
    ExecutionAdmission admission,
    GraphQLRequestParser parser,
    ResponseCache responseCache,
    GraphQLTelemetry telemetry,
    IOptions<GraphQLLimits> limits)
{
    private const string VaryHeaders = "Accept, Accept-Encoding";

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

        // The bytes are the cache key: the transport's buffer goes back at once, before the request may wait its turn.
        var key = buffer.ToArray();
        bodyReader.AdvanceTo(buffer.End);
        var graphQLRequest = parser.ParseBody(new ReadOnlySequence<byte>(key), out var problem);
        await (graphQLRequest is null
            ? WriteProblemAsync(context, mediaType, problem!)
            : AnswerAsync(context, mediaType, executor.Prepare(graphQLRequest), key));
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

        await AnswerAsync(context, mediaType, prepared, key);
    }

    /// <summary>
    /// Executes a parsed request and writes its answer. A query waits for a place in execution first and gives it
    /// back before its answer is written. A mutation (a chat turn) takes no place: it waits mostly for its model,
    /// for seconds, within the chat's own bounds (a rate per client, the turn's time budget), and a few turns
    /// would otherwise hold every place the queries need.
    /// </summary>
    private async Task AnswerAsync(HttpContext context, ResponseMediaType mediaType, PreparedRequest prepared, byte[] cacheKey)
    {
        if (prepared.Type == OperationType.Mutation)
        {
            await WriteExecutionAsync(context, mediaType, await ExecuteAsync(context, prepared, cacheKey));
            return;
        }

        if (!await EnterAsync(context, mediaType))
        {
            return;
        }

        GraphQLExecution execution;
        try
        {
            execution = await ExecuteAsync(context, prepared, cacheKey);
        }
        finally
        {
            admission.Leave();
        }

        await WriteExecutionAsync(context, mediaType, execution);
    }

    /// <summary>
    /// Waits for a place in execution. False when the request will not execute: it waited its longest and was
    /// answered SERVER_BUSY, or its client went away while it waited (then nothing is written; no one would read it).
    /// </summary>
    private async ValueTask<bool> EnterAsync(HttpContext context, ResponseMediaType mediaType)
    {
        try
        {
            if (await admission.TryEnterAsync(context.RequestAborted))
            {
                return true;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        await WriteProblemAsync(context, mediaType, RequestProblem.Busy(admission.MaxWait));
        return false;
    }

    private async Task<GraphQLExecution> ExecuteAsync(HttpContext context, PreparedRequest prepared, byte[] cacheKey)
    {
        var version = responseCache.Version;
        var execution = await executor.ExecuteAsync(prepared, RequestOrigin.Of(context), context.RequestAborted);
        responseCache.Add(cacheKey, execution, version);
        return execution;
    }

    private static Task WriteExecutionAsync(HttpContext context, ResponseMediaType mediaType, GraphQLExecution execution)
    {
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
        return WriteAsync(context, mediaType, status, execution.Body);
    }

    private CachedAnswer? FindCached(ReadOnlySequence<byte> body)
    {
        CachedAnswer? cached;
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

    /// <summary>A cache hit: gzip-compressed when the client accepts it and it saves bytes, as a browser always asks.</summary>
    private Task WriteCachedAsync(HttpContext context, ResponseMediaType mediaType, CachedAnswer cached)
    {
        var execution = cached.Execution;
        using (var activity = GraphQLTelemetry.ActivitySource.StartActivity($"{execution.OperationType} {execution.OperationName}"))
        {
            activity?.SetTag(GraphQLTelemetry.TagNames.OperationName, execution.OperationName);
            activity?.SetTag(GraphQLTelemetry.TagNames.OperationType, execution.OperationType);
            activity?.SetTag(GraphQLTelemetry.TagNames.CacheHit, true);
            activity?.SetTag(GraphQLTelemetry.TagNames.Outcome, "success");
        }

        telemetry.OperationCompleted(execution.OperationName, execution.OperationType, "success");
        if (AcceptEncoding.AcceptsGzip(context.Request.Headers.AcceptEncoding) && cached.GzipBody is { } gzipBody)
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return WriteAsync(context, mediaType, StatusCodes.Status200OK, gzipBody);
        }

        return WriteAsync(context, mediaType, StatusCodes.Status200OK, execution.Body);
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

    public static Task WriteProblemAsync(HttpContext context, ResponseMediaType mediaType, RequestProblem problem)
    {
        if (problem.RetryAfterHeader is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return WriteAsync(context, mediaType, problem.StatusCode, ProblemBody.Create(problem));
    }

    private static Task WriteAsync(HttpContext context, ResponseMediaType mediaType, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = GraphQLMediaTypes.ContentType(mediaType);
        response.ContentLength = body.Length;
        // A query's answer may be sent compressed once it is cached: every answer says it depends on both.
        response.Headers.Vary = VaryHeaders;
        return response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }
}
