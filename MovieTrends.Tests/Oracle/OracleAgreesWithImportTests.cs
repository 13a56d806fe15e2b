using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Ingest;

namespace MovieTrends.Tests.Oracle;

/// <summary>
/// The oracle counts what the import tests expect the importer to load from each file (<see cref="ExpectedMovies"/>),
/// so its numbers agree with the catalog today's importer builds from all three files.
/// </summary>
public sealed class OracleAgreesWithImportTests
{
    public static TheoryData<string> Datasets => [.. DatasetOracle.All.Select(dataset => dataset.Id)];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Movies_per_genre_and_year_and_per_year_match(string id)
    {
        var dataset = DatasetOracle.Get(id);
        var expected = ExpectedMovies.From(CsvFixture.Load(RawTmdbData.DataFile(dataset.FileName))).Values.ToArray();
        var trends = dataset.GenreTrends(dataset.FirstYear, dataset.LastYear);

        Assert.Equal(expected.Length, dataset.MovieCount);
        Assert.Equal(expected.Count(movie => movie.ReleaseDate is null), dataset.UndatedCount);
        Assert.Equal(
            ExpectedMovies.YearCounts(expected).OrderBy(pair => pair.Key),
            trends.Years.Zip(trends.Totals, KeyValuePair.Create).Where(pair => pair.Value > 0));
        Assert.Equal(
            ExpectedMovies.GenreYearCounts(expected).OrderBy(pair => pair.Key),
            trends.Series
                .SelectMany(series => trends.Years.Zip(series.Counts, (year, count) => KeyValuePair.Create((series.Genre, year), count)))
                .Where(pair => pair.Value > 0)
                .OrderBy(pair => pair.Key));
    }
}
