using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using nietras.SeparatedValues;

namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>
/// Reads <see cref="MovieDetails"/> from the columns a file's header has, whatever its layout: the 5000 file has
/// all five, tmdb-movies the money and runtime, the top-10K file the language. A missing column reads as unknown.
/// </summary>
internal sealed class DetailColumns(IReadOnlyList<string> header)
{
    private const string RuntimeColumn = "runtime";
    private const string BudgetColumn = "budget";
    private const string RevenueColumn = "revenue";
    private const string LanguageColumn = "original_language";
    private const string StatusColumn = "status";

    private static readonly string[] All = [RuntimeColumn, BudgetColumn, RevenueColumn, LanguageColumn, StatusColumn];

    private readonly bool _hasRuntime = header.Contains(RuntimeColumn);
    private readonly bool _hasBudget = header.Contains(BudgetColumn);
    private readonly bool _hasRevenue = header.Contains(RevenueColumn);
    private readonly bool _hasLanguage = header.Contains(LanguageColumn);
    private readonly bool _hasStatus = header.Contains(StatusColumn);

    /// <summary>The detail columns <paramref name="header"/> has; each is a column of the same name in <c>movies</c>.</summary>
    public static string[] In(IReadOnlyList<string> header) => [.. All.Where(header.Contains)];

    public bool TryRead(SepReader.Row row, [NotNullWhen(true)] out MovieDetails? details, [NotNullWhen(false)] out string? error)
    {
        details = null;
        long? runtime = null, budget = null, revenue = null;
        if ((_hasRuntime && !TryParseKnownAmount(RuntimeColumn, row[RuntimeColumn].Span, int.MaxValue, out runtime, out error))
            || (_hasBudget && !TryParseKnownAmount(BudgetColumn, row[BudgetColumn].Span, long.MaxValue, out budget, out error))
            || (_hasRevenue && !TryParseKnownAmount(RevenueColumn, row[RevenueColumn].Span, long.MaxValue, out revenue, out error)))
        {
            return false;
        }

        error = null;
        details = new MovieDetails(
            (int?)runtime,
            budget,
            revenue,
            _hasLanguage ? Fields.OptionalText(row[LanguageColumn].Span.Trim()) : null,
            _hasStatus ? Fields.OptionalText(row[StatusColumn].Span.Trim()) : null);
        return true;
    }

    /// <summary>
    /// A whole, non-negative number, written plain or with a zero fraction (the 5000 file writes some runtimes as
    /// <c>116.0</c>). Empty or zero is unknown (null).
    /// </summary>
    private static bool TryParseKnownAmount(string column, ReadOnlySpan<char> value, long max, out long? amount,
        [NotNullWhen(false)] out string? error)
    {
        amount = null;
        if (!Fields.TryParseOptionalNumber<decimal>(column, value, NumberStyles.AllowDecimalPoint, out var parsed, out error))
        {
            return false;
        }

        if (parsed is { } number && (number != decimal.Truncate(number) || number > max))
        {
            error = $"invalid {column} {Fields.Quote(value)}: expected a whole number from 0 to {max}";
            return false;
        }

        amount = parsed is > 0 ? (long)parsed.Value : null;
        return true;
    }
}
