using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Trends;

/// <summary>
/// The aggregates the importer maintains: the genres, movies per genre per year and dated movies per year.
/// A few thousand numbers whatever the catalog's size, so trends are cut from memory and a year's count is a lookup.
/// </summary>
public sealed class CatalogAggregates
{
    private readonly int _firstYear;
    private readonly IReadOnlyDictionary<string, int[]> _countsByGenre;
    private readonly int[] _totals;

    /// <param name="genreNames">Every genre in the catalog, in the catalog's order (error messages list them).</param>
    /// <param name="countsByGenre">Per genre with movies, counts indexed by year minus <paramref name="firstYear"/>.</param>
    /// <param name="totals">Dated movies per year, indexed like the counts.</param>
    public CatalogAggregates(
        IReadOnlyList<string> genreNames, int firstYear, IReadOnlyDictionary<string, int[]> countsByGenre, int[] totals)
    {
        GenreNames = genreNames;
        _firstYear = firstYear;
        _countsByGenre = countsByGenre;
        _totals = totals;
    }

    public IReadOnlyList<string> GenreNames { get; }

    /// <summary>Dated movies released in the year; zero outside the catalog's years.</summary>
    public int MovieCount(int year) => year >= _firstYear && year - _firstYear < _totals.Length ? _totals[year - _firstYear] : 0;

    /// <param name="genres">Exactly these genres (catalog spelling), or every genre with movies in the range when null.</param>
    public GenreTrends Slice(int from, int to, IReadOnlyList<string>? genres)
    {
        var yearCount = to - from + 1;
        var years = new int[yearCount];
        for (var i = 0; i < yearCount; i++)
        {
            years[i] = from + i;
        }

        var series = new List<GenreSeries>(genres?.Count ?? _countsByGenre.Count);
        foreach (var genre in genres ?? (IEnumerable<string>)_countsByGenre.Keys)
        {
            var counts = CutRange(_countsByGenre.GetValueOrDefault(genre), from, yearCount, out var total);
            if (total > 0 || genres is not null)
            {
                series.Add(new GenreSeries(genre, counts, total));
            }
        }

        series.Sort(static (a, b) => a.Total != b.Total
            ? b.Total.CompareTo(a.Total)
            : string.CompareOrdinal(a.Genre, b.Genre));
        return new GenreTrends(from, to, years, series, CutRange(_totals, from, yearCount, out _));
    }

    private int[] CutRange(int[]? byYear, int from, int yearCount, out int total)
    {
        var range = new int[yearCount];
        total = 0;
        if (byYear is null)
        {
            return range;
        }

        var start = Math.Max(from, _firstYear);
        var end = Math.Min(from + yearCount, _firstYear + byYear.Length);
        for (var year = start; year < end; year++)
        {
            var count = byYear[year - _firstYear];
            range[year - from] = count;
            total += count;
        }

        return range;
    }
}
