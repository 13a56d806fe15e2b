using System.Globalization;
using System.Text.RegularExpressions;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// Reads the measure, filter and dataset out of a (lower-case) question and returns the text without the filter and
/// dataset phrases, so "at least 2000 votes" is no year and "the 10k top-rated set" no rating question.
/// </summary>
public static partial class LensParser
{
    /// <summary>Language names people write, by the ISO 639-1 code the datasets record.</summary>
    private static readonly Dictionary<string, string> LanguageCodes = new(StringComparer.Ordinal)
    {
        ["english"] = "en", ["french"] = "fr", ["german"] = "de", ["spanish"] = "es", ["italian"] = "it",
        ["japanese"] = "ja", ["korean"] = "ko", ["chinese"] = "zh", ["mandarin"] = "zh", ["cantonese"] = "cn",
        ["hindi"] = "hi", ["russian"] = "ru", ["swedish"] = "sv", ["danish"] = "da", ["norwegian"] = "no",
        ["portuguese"] = "pt", ["dutch"] = "nl", ["turkish"] = "tr", ["polish"] = "pl", ["persian"] = "fa",
        ["arabic"] = "ar", ["thai"] = "th", ["indonesian"] = "id", ["greek"] = "el", ["hebrew"] = "he",
        ["finnish"] = "fi", ["czech"] = "cs", ["hungarian"] = "hu", ["romanian"] = "ro", ["tamil"] = "ta",
        ["telugu"] = "te",
    };

    private static readonly Regex Languages = new(
        $@"\b(?<name>{string.Join('|', LanguageCodes.Keys)})(?:[- ]language)?\b", RegexOptions.CultureInvariant);

    // First match wins: "return on budget" is no budget question, "rated" left after the filter is a rating one.
    private static readonly (TrendMeasure Measure, Regex Pattern)[] Measures =
    [
        (TrendMeasure.MedianRoi, MedianRoiWords()),
        (TrendMeasure.Share, ShareWords()),
        (TrendMeasure.AverageRating, RatingWords()),
        (TrendMeasure.MedianRuntime, RuntimeWords()),
        (TrendMeasure.TotalRevenue, TotalRevenueWords()),
        (TrendMeasure.MedianBudget, BudgetWords()),
        (TrendMeasure.MedianRevenue, RevenueWords()),
        (TrendMeasure.Movies, MovieCountWords()),
    ];

    private static readonly (string Dataset, Regex Pattern)[] Datasets =
    [
        ("tmdb-top10k", Top10kWords()),
        ("tmdb-movies", TmdbMoviesWords()),
        ("tmdb-5000", Tmdb5000Words()),
    ];

    /// <param name="text">The question in lower case.</param>
    /// <returns>The lens and the text without the dataset and filter phrases.</returns>
    public static (Lens Lens, string Remainder) Parse(string text)
    {
        var rest = text;
        string? dataset = null;
        foreach (var (id, pattern) in Datasets)
        {
            if (pattern.IsMatch(rest))
            {
                dataset ??= id;
                rest = pattern.Replace(rest, " ");
            }
        }

        var filter = new MovieFilter(
            Languages: Take(ref rest, Languages, match => LanguageCodes[match.Groups["name"].Value]) is { Count: > 0 } languages ? [.. languages.Distinct()] : null,
            MinVotes: Take(ref rest, MinVotes(), VoteCount).FirstOrDefault(),
            MinRating: Take(ref rest, MinRating(), match => (double?)double.Parse(match.Groups["r"].Value, CultureInfo.InvariantCulture)).FirstOrDefault(),
            ReleasedOnly: Take(ref rest, ReleasedOnly(), _ => (bool?)true).FirstOrDefault());
        var measure = Measures.FirstOrDefault(entry => entry.Pattern.IsMatch(rest));
        return (new Lens(measure.Pattern is null ? null : measure.Measure, filter.IsEmpty ? null : filter, dataset), rest);
    }

    /// <summary>Whether the question asks for the low end ("lowest", "worst", "shortest", "cheapest").</summary>
    public static bool AsksForLowest(string text) => LowestWords().IsMatch(text);

    private static List<T> Take<T>(ref string rest, Regex pattern, Func<Match, T> value)
    {
        var values = pattern.Matches(rest).Select(value).ToList();
        rest = pattern.Replace(rest, " ");
        return values;
    }

    // "more than 1,000 votes" is 1,001 or more; "at least", "+" and "or more" include the number; "1.5k" is 1,500.
    private static int? VoteCount(Match match)
    {
        var number = double.Parse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var votes = (int)Math.Min(int.MaxValue - 1, match.Groups["k"].Success ? number * 1000 : number);
        return match.Groups["strict"].Success ? votes + 1 : votes;
    }

    [GeneratedRegex(@"\b(?:(?:at\s+least|minimum(?:\s+of)?|min\.?)|(?<strict>more\s+than|over|above))?\s*(?<n>\d[\d,]*(?:\.\d+)?)\s*(?<k>k)?\s*(?:\+|or\s+more)?\s*votes?\b(?:\s+or\s+more)?")]
    private static partial Regex MinVotes();

    // "rated 7+", "rated at least 7.5", "a rating of 8 or more", "rating above 6". minRating includes the number.
    [GeneratedRegex(@"\b(?:rated|ratings?(?:\s+of)?|scored?)\s+(?:at\s+least\s+|over\s+|above\s+|more\s+than\s+|>=?\s*|≥\s*)?(?<r>\d+(?:\.\d+)?)(?:\s*/\s*10)?(?:\s*\+|\s+or\s+(?:more|higher|better|above)|\s+and\s+(?:up|above))?")]
    private static partial Regex MinRating();

    [GeneratedRegex(@"\b(?:only\s+released|released\s+only|already\s+released|released\s+(?:movies|films|titles)|excluding\s+unreleased|no\s+unreleased|(?:that|which)\s+(?:are|were|have\s+been)\s+released)\b")]
    private static partial Regex ReleasedOnly();

    [GeneratedRegex(@"\btmdb[- ]?top[- ]?10k\b|\btop[- ]?10\s?k\b(?:\s+top[- ]rated)?(?:\s+(?:set|dataset|list|file|catalog))?|\b10\s?k\s+(?:top[- ]rated\s+)?(?:set|dataset|list|file|catalog)\b|\btop[- ]rated\s+(?:10\s?k\s+)?(?:set|dataset|list|file|catalog)\b")]
    private static partial Regex Top10kWords();

    [GeneratedRegex(@"\btmdb[- ]movies\b(?:\s+(?:set|dataset|file|catalog))?|\b(?:bigger|larger|largest|biggest)\s+(?:data)?set\b")]
    private static partial Regex TmdbMoviesWords();

    [GeneratedRegex(@"\btmdb[- ]?5000\b(?:\s+(?:set|dataset|file|catalog))?|\b5000\s+(?:set|dataset|file|catalog)\b|\bdefault\s+(?:data)?set\b")]
    private static partial Regex Tmdb5000Words();

    [GeneratedRegex(@"\breturn\s+on\s+(?:budget|investment)\b|\broi\b|\bprofitab\w*|\bprofits?\b")]
    private static partial Regex MedianRoiWords();

    [GeneratedRegex(@"\bshare\b|\bpercent(?:age)?\b|\bproportion\b")]
    private static partial Regex ShareWords();

    [GeneratedRegex(@"\brat(?:ed|ing|ings)\b|\bacclaimed\b")]
    private static partial Regex RatingWords();

    [GeneratedRegex(@"\blongest\b|\bshortest\b|\blonger\b|\bshorter\b|\bruntimes?\b|\brunning\s+times?\b|\blength\b")]
    private static partial Regex RuntimeWords();

    [GeneratedRegex(@"\btotal\s+(?:revenue|box[- ]office|gross|earnings)\b")]
    private static partial Regex TotalRevenueWords();

    [GeneratedRegex(@"\bbudgets?\b|\bexpensive\b|\bcheapest\b|\bcostl(?:y|iest)\b|\bcosts?\b")]
    private static partial Regex BudgetWords();

    [GeneratedRegex(@"\brevenues?\b|\bbox[- ]office\b|\bgross\w*|\bearn\w*|\bmoney\b")]
    private static partial Regex RevenueWords();

    // "which genre has the most movies": named, so the view's measure does not replace it.
    [GeneratedRegex(@"\b(?:most|fewest|more|fewer)\s+(?:movies|films)\b|\bnumber\s+of\s+(?:movies|films)\b")]
    private static partial Regex MovieCountWords();

    [GeneratedRegex(@"\b(?:lowest|worst|least|shortest|cheapest|smallest|poorest|fewest|weakest)\b")]
    private static partial Regex LowestWords();
}
