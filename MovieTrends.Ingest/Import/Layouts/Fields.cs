using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>
/// Parsers for the fields every layout shares. Each returns false with a reason a person can act on,
/// naming the column and quoting the value.
/// </summary>
internal static class Fields
{
    private const int QuotedValueLimit = 40;

    public static bool TryParseId(ReadOnlySpan<char> value, out int id, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0)
        {
            return true;
        }

        error = value.IsWhiteSpace() ? "missing id" : $"invalid id {Quote(value)}: expected a positive whole number";
        return false;
    }

    public static bool TryParseTitle(string column, ReadOnlySpan<char> value, out string title, [NotNullWhen(false)] out string? error)
    {
        title = value.Trim().ToString();
        error = title.Length == 0 ? $"missing title ({column} is empty)" : null;
        return error is null;
    }

    /// <summary>A finite number in invariant culture; <paramref name="styles"/> says which forms are allowed.</summary>
    public static bool TryParseNumber<T>(string column, ReadOnlySpan<char> value, NumberStyles styles,
        out T number, [NotNullWhen(false)] out string? error) where T : struct, INumberBase<T>
    {
        error = null;
        if (T.TryParse(value, styles, CultureInfo.InvariantCulture, out number) && T.IsFinite(number))
        {
            return true;
        }

        var expected = styles.HasFlag(NumberStyles.AllowDecimalPoint) ? "a number" : "a whole number";
        error = value.IsWhiteSpace() ? $"missing {column}" : $"invalid {column} {Quote(value)}: expected {expected}";
        return false;
    }

    /// <summary>An empty field is a known unknown (null); anything else must parse as a number.</summary>
    public static bool TryParseOptionalNumber<T>(string column, ReadOnlySpan<char> value, NumberStyles styles,
        out T? number, [NotNullWhen(false)] out string? error) where T : struct, INumberBase<T>
    {
        number = null;
        error = null;
        if (value.IsWhiteSpace())
        {
            return true;
        }

        if (!TryParseNumber<T>(column, value, styles, out var parsed, out error))
        {
            return false;
        }

        number = parsed;
        return true;
    }

    /// <summary>ISO <c>yyyy-MM-dd</c>; an empty field means the date is unknown.</summary>
    public static bool TryParseIsoDate(string column, ReadOnlySpan<char> value, out DateOnly? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        error = null;
        if (value.IsWhiteSpace())
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        error = $"invalid {column} {Quote(value)}: expected a date like 2009-12-10";
        return false;
    }

    public static string? OptionalText(ReadOnlySpan<char> value) => value.IsWhiteSpace() ? null : value.ToString();

    public static string Quote(ReadOnlySpan<char> value) =>
        value.Length <= QuotedValueLimit ? $"'{value}'" : $"'{value[..QuotedValueLimit]}...'";
}
