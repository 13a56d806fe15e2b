using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Execution;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// Writes an execution result as GraphQL.NET's own converter does, byte for byte, but writes the leaf values this
/// schema produces (strings, numbers, booleans and the arrays of numbers a trend series holds) straight to the
/// writer. The library hands every leaf to <see cref="JsonSerializer"/> as an object, which looks its converter up
/// by runtime type each time: a genreTrends answer has a few hundred of them.
/// </summary>
public sealed class ExecutionResultWriter : JsonConverter<ExecutionResult>
{
    public override ExecutionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Execution results are only written.");

    public override void Write(Utf8JsonWriter writer, ExecutionResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            JsonSerializer.Serialize(writer, errors, options);
        }

        if (value.Executed)
        {
            writer.WritePropertyName("data");
            if (value.Data is ExecutionNode node)
            {
                WriteNode(writer, node, options);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Data, options);
            }
        }

        if (value.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            JsonSerializer.Serialize(writer, extensions, options);
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, ExecutionNode node, JsonSerializerOptions options)
    {
        switch (node)
        {
            case ValueExecutionNode leaf:
                WriteLeaf(writer, leaf.ToValue(), options);
                break;
            case ObjectExecutionNode { SubFields: null }:
                writer.WriteNullValue();
                break;
            case ObjectExecutionNode parent:
                writer.WriteStartObject();
                foreach (var child in parent.SubFields)
                {
                    writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(child.Name!) ?? child.Name!);
                    WriteNode(writer, child, options);
                }

                writer.WriteEndObject();
                break;
            case ArrayExecutionNode { Items: null } list:
                WriteLeaf(writer, list.SerializedResult, options);
                break;
            case ArrayExecutionNode list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteNode(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            case NullExecutionNode:
                writer.WriteNullValue();
                break;
            default:
                JsonSerializer.Serialize(writer, node.ToValue(), options);
                break;
        }
    }

    /// <summary>The same calls System.Text.Json's own converters make for these types; anything else goes to it.</summary>
    private static void WriteLeaf(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IReadOnlyList<int> numbers:
                writer.WriteStartArray();
                for (var index = 0; index < numbers.Count; index++)
                {
                    writer.WriteNumberValue(numbers[index]);
                }

                writer.WriteEndArray();
                break;
            case IReadOnlyList<double?> numbers:
                writer.WriteStartArray();
                for (var index = 0; index < numbers.Count; index++)
                {
                    if (numbers[index] is { } known)
                    {
                        writer.WriteNumberValue(known);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }

                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, options);
                break;
        }
    }
}
