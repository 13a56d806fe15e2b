using System.ComponentModel;
using System.Globalization;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Chat.Llm;

/// <summary>
/// A tool parameter's description that names the catalog's limits: attribute arguments must be constant
/// strings, so the numbers are filled in from <see cref="CatalogLimits"/> here, e.g. "({FirstYear}–{LastYear})".
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class CatalogDescriptionAttribute(string template) : DescriptionAttribute(Fill(template))
{
    private static string Fill(string template) => template
        .Replace("{FirstYear}", Text(CatalogLimits.FirstYear), StringComparison.Ordinal)
        .Replace("{LastYear}", Text(CatalogLimits.LastYear), StringComparison.Ordinal)
        .Replace("{MaxRangeYears}", Text(CatalogLimits.MaxRangeYears), StringComparison.Ordinal)
        .Replace("{MinLimit}", Text(CatalogLimits.MinLimit), StringComparison.Ordinal)
        .Replace("{MaxLimit}", Text(CatalogLimits.MaxLimit), StringComparison.Ordinal)
        .Replace("{MaxPageSize}", Text(CatalogLimits.MaxPageSize), StringComparison.Ordinal);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
