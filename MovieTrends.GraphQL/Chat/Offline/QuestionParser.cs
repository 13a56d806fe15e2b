using System.Globalization;
using System.Text.RegularExpressions;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Movies;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// Recognises the questions the offline analyst answers, with fixed patterns over the message:
/// years and decades, genre names from the catalog (plurals and a few common aliases), and intent words.
/// Order matters: "most popular" wins over "grew most", which wins over "how many".
/// </summary>
public static partial class QuestionParser
{
    // Nicknames people use for catalog genres; only applied when the catalog has the genre.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sci-fi"] = "Science Fiction",
        ["scifi"] = "Science Fiction",
        ["animated"] = "Animation",
        ["cartoons"] = "Animation",
        ["romantic"] = "Romance",
        ["rom-com"] = "Romance",
        ["historical"] = "History",
    };

    public static Question Parse(string message, IReadOnlyCollection<string> genreNames)
    {
        // Filter and dataset phrases go first, so "at least 2000 votes" is no year and "top 10k" no top-10 list.
        var (lens, text) = LensParser.Parse(message.ToLowerInvariant());
        var years = ParseYears(text);
        if (PopularityIntent().IsMatch(text))
        {
            return new PopularityQuestion(years, LeastIntent().IsMatch(text), ParseCount(text, 1)) { Lens = lens };
        }

        var genres = ParseGenres(text, genreNames);
        // "show me the best-rated dramas" lists movies; "show me which genre..." is about genres.
        if (ListIntent().IsMatch(text) && !GenreWord().IsMatch(text) && !SummaryIntent().IsMatch(text))
        {
            return new MovieListQuestion(genres, years, ListOrderOf(text, lens), ParseCount(text, DefaultListLength)) { Lens = lens };
        }

        var shrink = ShrinkIntent().IsMatch(text);
        if (shrink || GrowIntent().IsMatch(text))
        {
            return new GenreChangeQuestion(genres, years, shrink) { Lens = lens };
        }

        // A superlative about a named measure, or about genres ("which genre ranks highest": by the view's measure).
        if (RankingIntent().IsMatch(text) && (lens.Measure is not null || WhichGenre().IsMatch(text)))
        {
            return new GenreRankingQuestion(genres, years, LensParser.AsksForLowest(text)) { Lens = lens };
        }

        if (CountIntent().IsMatch(text))
        {
            return new MovieCountQuestion(genres, years) { Lens = lens };
        }

        if (SummaryIntent().IsMatch(text))
        {
            return new ViewSummaryQuestion();
        }

        return HelpIntent().IsMatch(text) ? new HelpQuestion() : new UnsupportedQuestion();
    }

    /// <summary>How many movies a drill-down answer lists unless the question says.</summary>
    public const int DefaultListLength = 10;

    /// <summary>The years a message names, read after its filter and dataset phrases are set aside.</summary>
    public static YearRange? YearsOf(string message) => ParseYears(LensParser.Parse(message.ToLowerInvariant()).Remainder);

    /// <summary>The lens a message names.</summary>
    public static Lens LensOf(string message) => LensParser.Parse(message.ToLowerInvariant()).Lens;

    private static MovieOrder ListOrderOf(string text, Lens lens) =>
        TitleOrder().IsMatch(text) ? MovieOrder.TitleAsc
        : lens.Measure == TrendMeasure.AverageRating ? MovieOrder.RatingDesc
        : lens.Measure is TrendMeasure.MedianRevenue or TrendMeasure.TotalRevenue ? MovieOrder.RevenueDesc
        : MovieOrder.PopularityDesc;

    /// <summary>A decade ("the 1990s", "90s") wins; otherwise the span of the four-digit years mentioned.</summary>
    public static YearRange? ParseYears(string text)
    {
        var decade = Decade().Match(text);
        if (decade.Success)
        {
            var start = decade.Groups["century"].Success
                ? int.Parse(decade.Groups["century"].Value + decade.Groups["decade"].Value + "0", CultureInfo.InvariantCulture)
                : ShortDecade(int.Parse(decade.Groups["short"].Value, CultureInfo.InvariantCulture));
            return new YearRange(start, start + 9);
        }

        var years = Year().Matches(text)
            .Select(match => int.Parse(match.Value, CultureInfo.InvariantCulture))
            .Where(year => year is >= CatalogLimits.FirstYear and <= CatalogLimits.LastYear)
            .ToList();
        if (years.Count == 1 && Since().IsMatch(text))
        {
            return new YearRange(years[0], CatalogLimits.LastYear, UntilLatest: true);
        }

        return years.Count == 0 ? null : new YearRange(years.Min(), years.Max());
    }

    /// <summary>Catalog genres named in the text, in catalog spelling and order.</summary>
    public static IReadOnlyList<string> ParseGenres(string text, IReadOnlyCollection<string> genreNames)
    {
        var named = genreNames.Where(genre => GenrePattern(genre).IsMatch(text)).ToList();
        foreach (var (alias, genre) in Aliases)
        {
            var catalogName = genreNames.FirstOrDefault(name => name.Equals(genre, StringComparison.OrdinalIgnoreCase));
            if (catalogName is not null && !named.Contains(catalogName)
                && Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(alias)}(?![\w-])", RegexOptions.IgnoreCase))
            {
                named.Add(catalogName);
            }
        }

        return named;
    }

    // "drama", "dramas", "comedy" → "comedies", "science fiction", "tv movies".
    private static Regex GenrePattern(string genre)
    {
        var words = Regex.Escape(genre.ToLowerInvariant()).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
        var plural = words.EndsWith('y') ? $"{words}|{words[..^1]}ies" : $"{words}s?";
        return new Regex($@"\b(?:{words}|{plural})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    // Two-digit decades: "20s" through "90s" are the 1900s, "00s" and "10s" this century.
    private static int ShortDecade(int digit) => digit >= 2 ? 1900 + (digit * 10) : 2000 + (digit * 10);

    private static int ParseCount(string text, int otherwise)
    {
        var count = CountWord().Match(text);
        return count.Success ? int.Clamp(int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture), CatalogLimits.MinLimit, CatalogLimits.MaxLimit) : otherwise;
    }

    [GeneratedRegex(@"\b(?<century>1[89]|20)(?<decade>\d)0'?s\b|(?<![\d])'?(?<short>\d)0'?s\b")]
    private static partial Regex Decade();

    // Any four digits; the catalog's year window is applied after parsing.
    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:top|bottom|first|last)\s+(?<n>\d{1,2})\b|\b(?<n>\d{1,2})\s+(?:most|least|best|worst|highest|lowest|longest|biggest)\b")]
    private static partial Regex CountWord();

    [GeneratedRegex(@"\b(?:most|least|more|less)\s+popular\b|\bpopularity\b|\b(?:top|bottom)\s+\d{1,2}\b")]
    private static partial Regex PopularityIntent();

    [GeneratedRegex(@"\b(?:least|less|bottom|lowest)\b")]
    private static partial Regex LeastIntent();

    [GeneratedRegex(@"\b(?:grew|grow|grows|grown|growing|growth|increased?|increasing|rose|risen|rise)\b")]
    private static partial Regex GrowIntent();

    [GeneratedRegex(@"\b(?:shr[aiu]nk|shrinks|shrinking|declined?|declining|decreased?|decreasing|dropped|fell|fallen)\b")]
    private static partial Regex ShrinkIntent();

    // "since 2000", "from 2000 on", "2000 onwards".
    [GeneratedRegex(@"\bsince\s+\d{4}\b|\bfrom\s+\d{4}\s+(?:on|onwards?)\b|\b\d{4}\s+onwards?\b")]
    private static partial Regex Since();

    [GeneratedRegex(@"\b(?:show|list|give|find)\s+(?:me\s+)?|\b(?:which|what)\s+(?:movies|films)\b")]
    private static partial Regex ListIntent();

    [GeneratedRegex(@"\bgenres?\b")]
    private static partial Regex GenreWord();

    [GeneratedRegex(@"\balphabetical(?:ly)?\b|\bby\s+(?:title|name)\b|\ba\s*-\s*z\b")]
    private static partial Regex TitleOrder();

    [GeneratedRegex(@"\b(?:which|what)\s+genres?\b|\brank\w*|\b(?:best|highest|most|top|lowest|worst|least|fewest|longest|shortest|biggest|largest|cheapest|smallest|earns?|pays?)\b")]
    private static partial Regex RankingIntent();

    [GeneratedRegex(@"\b(?:which|what)\s+genres?\b")]
    private static partial Regex WhichGenre();

    [GeneratedRegex(@"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b")]
    private static partial Regex CountIntent();

    [GeneratedRegex(@"\bsummar(?:y|ise|ize)\b|\boverview\b|\bdescribe\b|\bexplain\s+(?:this|the)\s+(?:view|chart|graph)\b|\bwhat\s+does\s+(?:this|the)\s+(?:view|chart|graph)\s+show\b|\bwhat\s+am\s+i\s+looking\s+at\b")]
    private static partial Regex SummaryIntent();

    [GeneratedRegex(@"^\s*(?:hi|hello|hey)\b|\bhelp\b|\bwhat\s+can\s+you\b")]
    private static partial Regex HelpIntent();
}
