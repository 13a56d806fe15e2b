using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// genreTrends by every measure each dataset lists, with and without filters, against the raw-CSV oracle:
/// counts, totals, known counts and values per genre and year.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class GenreTrendsMeasureTests(InProcessApp app)
{
    private const string Query = """
        query($from: Int!, $to: Int!, $genres: [String!], $measure: TrendMeasure!, $filter: MovieFilter, $dataset: ID) {
          genreTrends(from: $from, to: $to, genres: $genres, measure: $measure, filter: $filter, dataset: $dataset) {
            measure years totals series { genre counts total known values }
          }
        }
        """;

    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    public static TheoryData<string, OracleMeasure> EveryMeasureOfEveryDataset()
    {
        var data = new TheoryData<string, OracleMeasure>();
        foreach (var dataset in DatasetOracle.All)
        {
            foreach (var measure in dataset.Measures)
            {
                data.Add(dataset.Id, measure);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMeasureOfEveryDataset))]
    public async Task Every_measure_over_a_whole_dataset_matches_its_file(string id, OracleMeasure measure)
    {
        var dataset = DatasetOracle.Get(id);

        await AssertMatchesAsync(dataset, dataset.FirstYear, dataset.LastYear, null, measure, null);
    }

    private async Task AssertMatchesAsync(
        DatasetOracle dataset, int from, int to, string[]? genres, OracleMeasure measure, OracleFilter? filter)
    {
        var answer = (await _client.DataAsync(Query, new
        {
            from,
            to,
            genres,
            measure = measure.GraphQLName(),
            filter = filter?.Variable(),
            dataset = dataset.Id,
        })).GetProperty("genreTrends");

        OracleAssert.GenreTrendsMeasure(dataset.GenreTrends(from, to, genres, measure, filter), answer);
    }
}
