using GraphQL;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using static System.FormattableString;

namespace MovieTrends.GraphQL.Chat;

/// <summary>Measures and filters in the words and number formats the chat's answers and citations use.</summary>
public static class MeasureText
{
    /// <summary>The schema's name, e.g. <c>MEDIAN_ROI</c>: what the model passes and the citations show.</summary>
    public static string Name(TrendMeasure measure) => measure.ToString().ToConstantCase();

    /// <summary>The measure by its schema name (any case), or null.</summary>
    public static TrendMeasure? Parse(string? name) =>
        Enum.GetValues<TrendMeasure>().Cast<TrendMeasure?>().FirstOrDefault(measure => string.Equals(Name(measure!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Describe(TrendMeasure measure) => measure switch
    {
        TrendMeasure.Movies => "number of movies",
        TrendMeasure.Share => "share of the year's movies",
        TrendMeasure.AverageRating => "average rating",
        TrendMeasure.MedianRuntime => "median runtime",
        TrendMeasure.MedianBudget => "median budget",
        TrendMeasure.MedianRevenue => "median revenue",
        TrendMeasure.TotalRevenue => "total revenue",
        TrendMeasure.MedianRoi => "median return on budget (revenue ÷ budget)",
        _ => Name(measure),
    };

    /// <summary>What a movie needs for its value to count ("with both budget and revenue known").</summary>
    public static string KnownWhen(TrendMeasure measure) => measure switch
    {
        TrendMeasure.AverageRating => "with votes",
        TrendMeasure.MedianRuntime => "with a known runtime",
        TrendMeasure.MedianBudget => "with a known budget",
        TrendMeasure.MedianRevenue or TrendMeasure.TotalRevenue => "with a known revenue",
        TrendMeasure.MedianRoi => "with both budget and revenue known",
        _ => "",
    };

    public static string Format(TrendMeasure measure, double? value) => value is not { } v ? "n/a" : measure switch
    {
        TrendMeasure.Movies => Invariant($"{v:N0}"),
        TrendMeasure.Share => Invariant($"{v:0.0}%"),
        TrendMeasure.AverageRating => Invariant($"{v:0.00}"),
        TrendMeasure.MedianRuntime => Invariant($"{v:0.#} min"),
        TrendMeasure.MedianBudget or TrendMeasure.MedianRevenue or TrendMeasure.TotalRevenue => Invariant($"${v:N0}"),
        TrendMeasure.MedianRoi => Invariant($"{v:0.00}×"),
        _ => Invariant($"{v}"),
    };

    /// <summary>"original language fr, at least 1,000 votes, rated 7 or more, released only"; null for no filter.</summary>
    public static string? Describe(MovieFilter? filter)
    {
        if (filter is null || filter.IsEmpty)
        {
            return null;
        }

        var parts = new List<string>();
        if (filter.Languages is { } languages)
        {
            parts.Add($"original language {string.Join(" or ", languages)}");
        }

        if (filter.MinVotes is { } votes)
        {
            parts.Add(Invariant($"at least {votes:N0} votes"));
        }

        if (filter.MinRating is { } rating)
        {
            parts.Add(Invariant($"rated {rating:0.#} or more"));
        }

        if (filter.ReleasedOnly is true)
        {
            parts.Add("released only");
        }

        return string.Join(", ", parts);
    }
}
