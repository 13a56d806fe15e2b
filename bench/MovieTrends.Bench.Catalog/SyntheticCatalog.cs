namespace MovieTrends.Bench.Catalog;

/// <summary>
/// Draws synthetic movies from a <see cref="CatalogProfile"/>: each one copies the release year, genres,
/// vote figures, runtime, language and status of a real movie picked at random, takes a random day in that year,
/// and jitters its popularity, budget and revenue log-normally so a million movies do not collapse onto five
/// thousand distinct values. A zero budget or revenue stays zero: it means unknown in the real file.
/// The same seed always yields the same catalog; the money jitter draws from a stream of its own, so the columns
/// older versions wrote come out exactly as they did for the same seed.
/// </summary>
public sealed class SyntheticCatalog(CatalogProfile profile, int seed)
{
    /// <summary>Far above real TMDB ids, so a synthetic catalog never overwrites a real movie.</summary>
    public const int FirstId = 100_000_001;

    /// <summary>Standard deviation of the log jitter of popularity, budget and revenue: about ±10 % around the template.</summary>
    private const double Jitter = 0.1;

    private static readonly string[] OverviewWords =
    [
        "a", "young", "detective", "family", "city", "war", "secret", "love", "journey", "town", "crew",
        "must", "find", "stop", "escape", "save", "the", "their", "lost", "past", "future", "world", "before",
        "night", "ends", "friends", "rival", "mission", "island", "heist", "dream", "storm", "truth",
    ];

    public IEnumerable<SyntheticMovie> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var moneyRandom = new Random(unchecked((seed * 31) + 17));
        var templates = profile.Templates;
        for (var index = 0; index < count; index++)
        {
            var template = templates[random.Next(templates.Count)];
            var id = FirstId + index;
            yield return new SyntheticMovie(
                Id: id,
                Title: $"Synthetic movie {id}",
                ReleaseDate: template.Year is { } year ? RandomDayOf(year, random) : null,
                Genres: template.Genres,
                Popularity: Math.Round(template.Popularity * Math.Exp(Jitter * NextGaussian(random)), 6),
                VoteAverage: template.VoteAverage,
                VoteCount: template.VoteCount,
                Runtime: template.Runtime,
                Budget: Jittered(template.Budget, moneyRandom),
                Revenue: Jittered(template.Revenue, moneyRandom),
                OriginalLanguage: template.OriginalLanguage,
                Status: template.Status,
                Overview: Overview(template.OverviewLength, random));
        }
    }

    /// <summary>Whole dollars about ±10 % around the template's; the draw is taken even for an unknown 0, so one
    /// movie's jitter never depends on another's.</summary>
    private static long Jittered(long dollars, Random random)
    {
        var jittered = (long)Math.Round(dollars * Math.Exp(Jitter * NextGaussian(random)));
        return dollars > 0 ? Math.Max(1, jittered) : 0;
    }

    private static DateOnly RandomDayOf(int year, Random random) =>
        new DateOnly(year, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));

    /// <summary>Box-Muller: one standard normal sample.</summary>
    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Filler text as long as the template's overview, so the import moves as many bytes as real data.</summary>
    private static string Overview(int length, Random random)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(OverviewWords[random.Next(OverviewWords.Length)]).Append(' ');
        }

        text.Length = length - 1;
        return text.Append('.').ToString();
    }
}
