using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// A value order keeps a row as its 2-byte offset within its year unless some year has more rows than that counts;
/// then it keeps the rows themselves. No bundled file (nor the oracle's largest generated catalog) has such a year,
/// so these columns are built here: one year of 70,000 movies with random genres, values and ties, and the medians
/// by a filter compared with the passing known values of each genre sorted and halved.
/// </summary>
[Trait("Layer", "Fast")]
public sealed class WideYearValueOrderTests
{
    private const int CrowdedYearMovies = 70_000;
    private const int FirstYear = 2000;
    private static readonly string[] Genres = ["Action", "Comedy", "Drama", "Horror", "Romance"];

    [Theory]
    [InlineData(TrendMeasure.MedianRuntime)]
    [InlineData(TrendMeasure.MedianBudget)]
    [InlineData(TrendMeasure.MedianRevenue)]
    [InlineData(TrendMeasure.MedianRoi)]
    public void Medians_over_a_year_of_more_than_65536_movies_match_sorting_the_passing_values(TrendMeasure measure)
    {
        var arrays = RandomMovies(seed: 7, yearSizes: [CrowdedYearMovies, 900]);
        var yearStarts = new[] { 0, CrowdedYearMovies, CrowdedYearMovies + 900 };
        Assert.True(yearStarts[1] - yearStarts[0] > ushort.MaxValue + 1);
        var columns = new MovieColumns(FirstYear, yearStarts, Genres, [null, "en", "fr"], arrays);
        var filter = new MovieFilter(MinVotes: 10, ReleasedOnly: true);

        var trends = GenreTrendsCalculator.Compute(columns, FirstYear, FirstYear + 1, genres: null, measure, new MoviePredicate(filter, columns));

        Assert.Equal(Genres.Length, trends.Series.Count);
        foreach (var series in trends.Series)
        {
            var bit = Array.IndexOf(Genres, series.Genre);
            for (var year = 0; year < 2; year++)
            {
                var known = new List<double>();
                for (var row = yearStarts[year]; row < yearStarts[year + 1]; row++)
                {
                    if ((arrays.GenreMasks[row] & (1u << bit)) != 0 && arrays.VoteCounts[row] >= 10 && arrays.Released[row]
                        && KnownValue(arrays, row, measure) is { } value)
                    {
                        known.Add(value);
                    }
                }

                known.Sort();
                var middle = known.Count / 2;
                double? median = known.Count == 0 ? null : known.Count % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
                Assert.True(known.Count > 100, $"{series.Genre} {FirstYear + year}: only {known.Count} known passing movies");
                Assert.Equal(known.Count, series.Known![year]);
                Assert.Equal(median, series.Values![year]);
            }
        }
    }

    private static double? KnownValue(MovieColumnArrays arrays, int row, TrendMeasure measure) => measure switch
    {
        TrendMeasure.MedianRuntime => arrays.Runtimes[row] > 0 ? arrays.Runtimes[row] : null,
        TrendMeasure.MedianBudget => arrays.Budgets[row] > 0 ? arrays.Budgets[row] : null,
        TrendMeasure.MedianRevenue => arrays.Revenues[row] > 0 ? arrays.Revenues[row] : null,
        TrendMeasure.MedianRoi => arrays.Budgets[row] > 0 && arrays.Revenues[row] > 0 ? (double)arrays.Revenues[row] / arrays.Budgets[row] : null,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>Movies in id order, year after year; about a fifth of each value unknown, and few distinct values, so ties are common.</summary>
    private static MovieColumnArrays RandomMovies(int seed, int[] yearSizes)
    {
        var random = new Random(seed);
        var arrays = new MovieColumnArrays(yearSizes.Sum());
        for (var row = 0; row < arrays.Ids.Length; row++)
        {
            arrays.Ids[row] = row + 1;
            arrays.Popularity[row] = random.NextDouble() * 100;
            arrays.GenreMasks[row] = (uint)random.Next(1 << Genres.Length);
            arrays.LanguageIndexes[row] = (ushort)random.Next(3);
            arrays.Released[row] = random.Next(5) > 0;
            arrays.VoteCounts[row] = random.Next(-1, 40);
            arrays.Ratings[row] = arrays.VoteCounts[row] > 0 ? random.Next(1, 101) / 10.0 : double.NaN;
            arrays.Runtimes[row] = random.Next(5) == 0 ? 0 : random.Next(60, 200);
            arrays.Budgets[row] = random.Next(5) == 0 ? 0 : random.Next(1, 300) * 250_000L;
            arrays.Revenues[row] = random.Next(5) == 0 ? 0 : random.Next(1, 2_000) * 500_000L;
            arrays.TitleRanks[row] = row;
        }

        return arrays;
    }
}
