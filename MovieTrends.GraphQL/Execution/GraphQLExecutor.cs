using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Errors;
using MovieTrends.GraphQL.Execution.Limits;
using MovieTrends.GraphQL.Schema;
using MovieTrends.GraphQL.Telemetry;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// Runs requests against the singleton schema: documents come parsed and measured from the cache, each
/// operation is validated once (including the cost limits), and the result, its error list capped, is
/// serialized straight to UTF-8.
/// </summary>
public sealed class GraphQLExecutor
{
    private readonly MovieTrendsSchema _schema;
    private readonly IDocumentExecuter _executer;
    private readonly DocumentCache _documents;
    private readonly ErrorMapping _errors;
    private readonly GraphQLJson _json;
    private readonly GraphQLTelemetry _telemetry;
    private readonly GraphQLLimits _limits;
    private readonly IValidationRule[] _firstRunRules;

    public GraphQLExecutor(
        MovieTrendsSchema schema,
        IDocumentExecuter executer,
        DocumentCache documents,
        ErrorMapping errors,
        GraphQLJson json,
        GraphQLTelemetry telemetry,
        IOptions<GraphQLLimits> limits)
    {
        _schema = schema;
        _executer = executer;
        _documents = documents;
        _errors = errors;
        _json = json;
        _telemetry = telemetry;
        _limits = limits.Value;
        _firstRunRules =
        [
            .. DocumentValidator.CoreRules,
            new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = _limits.MaxDepth,
                MaxComplexity = _limits.MaxComplexity,
            }),
        ];
    }

    /// <summary>Parses (or finds) the document and the operation the request selects, once for the whole request.</summary>
    public PreparedRequest Prepare(GraphQLRequest request)
    {
        var document = _documents.GetOrParse(request.Query);
        return new PreparedRequest(request, document, document?.FindOperation(request.OperationName));
    }

    /// <param name="origin">Who sent the request, for resolvers that need it; they read it from the user context.</param>
    public async Task<GraphQLExecution> ExecuteAsync(PreparedRequest prepared, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var (request, document, operation) = prepared;
        var type = prepared.Type;
        var operationName = request.OperationName ?? operation?.Name?.StringValue ?? GraphQLExecution.Anonymous;
        var operationType = GraphQLExecution.TypeName(type);

        using var activity = GraphQLTelemetry.ActivitySource.StartActivity($"{operationType} {operationName}");
        activity?.SetTag(GraphQLTelemetry.TagNames.OperationName, operationName);
        activity?.SetTag(GraphQLTelemetry.TagNames.OperationType, operationType);
        activity?.SetTag(GraphQLTelemetry.TagNames.CacheHit, false);

        // Every resolver of the request, sibling fields in parallel included, waits on the database out of one budget.
        using var databaseWaits = DatabaseWaitBudget.Enter(new DatabaseWaitBudget(DatabaseWaitBudget.PerRequest));
        var result = Refusal(document, type)?.ToResult() ?? await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = request.Query,
            Document = document?.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            ValidationRules = document is not null && document.IsValidated(operation) ? [] : _firstRunRules,
            Timeout = _limits.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            UnhandledExceptionDelegate = _errors.HandleAsync,
            UserContext = origin.ToUserContext(),
            CancellationToken = cancellationToken,
        });

        if (result.Executed && operation is not null)
        {
            document?.MarkValidated(operation);
        }

        // Before the cap, which may cut the error that asks for the status.
        var preferredStatus = ErrorStatuses.Of(result);
        ErrorCap.Apply(result, _limits.MaxErrors);

        var outcome = GraphQLExecution.OutcomeOf(result);
        _telemetry.OperationCompleted(operationName, operationType, outcome);
        activity?.SetTag(GraphQLTelemetry.TagNames.Outcome, outcome);
        if (outcome != "success")
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return new GraphQLExecution(
            JsonSerializer.SerializeToUtf8Bytes(result, _json.Options),
            operationName,
            operationType,
            result.Executed,
            result.Errors is { Count: > 0 },
            preferredStatus);
    }

    private static LimitBreach? Refusal(CachedDocument? document, OperationType type) =>
        document?.Breach ?? (type == OperationType.Subscription ? LimitBreach.SubscriptionsNotSupported() : null);
}
