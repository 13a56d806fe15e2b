using System.Globalization;

namespace MovieTrends.GraphQL.Errors;

/// <summary>
/// A value the client sent, as an error message may quote it: enough to recognise, never the whole of a long one,
/// so a 60 KB argument is not answered with a 60 KB message, nor sent back into logs and caches whole.
/// </summary>
public static class ClientValue
{
    /// <summary>Longest part of a value a message quotes; longer values are cut and their length said.</summary>
    public const int MaxQuotedLength = 40;

    /// <summary><c>'value'</c>, or its first <see cref="MaxQuotedLength"/> characters and its length when longer.</summary>
    public static string Quote(string? value)
    {
        if (value is null || value.Length <= MaxQuotedLength)
        {
            return $"'{value}'";
        }

        // Never cut a surrogate pair in two: the message must stay valid UTF-16 (and so UTF-8 on the wire).
        var cut = char.IsHighSurrogate(value[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        return string.Create(CultureInfo.InvariantCulture, $"'{value[..cut]}…' ({value.Length:N0} characters)");
    }
}
