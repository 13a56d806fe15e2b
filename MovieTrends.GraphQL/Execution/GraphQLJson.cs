using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace MovieTrends.GraphQL.Execution;

/// <summary>GraphQL.NET's System.Text.Json setup, exposed so the transport can read and write without streams.</summary>
public sealed class GraphQLJson : GraphQLSerializer
{
    public GraphQLJson(IErrorInfoProvider errorInfoProvider)
        : base(errorInfoProvider)
    {
        // Responses are served as JSON, never embedded in HTML: "O'Brien" may stay as it is.
        SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Ahead of the library's converter for the same type: the first converter that can convert a type wins.
        SerializerOptions.Converters.Insert(0, new ExecutionResultWriter());
    }

    public JsonSerializerOptions Options => SerializerOptions;
}
