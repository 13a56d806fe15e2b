using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Bench;

/// <summary>
/// The synthetic catalog must look like the real one to the queries the benchmark times: a 20,000-movie
/// sample is compared with data/tmdb_5000_movies.csv.gz, both read by the test's own CSV reader.
/// Tolerances sit at about four standard errors of a 20,000 sample, so a real shift fails and noise does not.
/// </summary>
public sealed class SyntheticCatalogDistributionTests : IClassFixture<SyntheticCatalogDistributionTests.Sample>
{
    private const int SampleSize = 20_000;

    private readonly IReadOnlyList<RawMovie> _real;
    private readonly IReadOnlyList<RawMovie> _synthetic;

    public SyntheticCatalogDistributionTests(Sample sample)
    {
        _real = sample.Real;
        _synthetic = sample.Synthetic;
    }

    [Fact]
    public void Writes_the_requested_number_of_movies_with_unique_ids_clear_of_real_ones()
    {
        Assert.Equal(SampleSize, _synthetic.Count);
        Assert.Equal(SampleSize, _synthetic.Select(movie => movie.Id).Distinct().Count());
        Assert.True(_synthetic.Min(movie => movie.Id) > _real.Max(movie => movie.Id));
    }

    [Fact]
    public void Year_histogram_is_within_a_total_variation_distance_of_0_04_of_the_real_one()
    {
        // Undated movies are a bin of their own, so their share counts too.
        var real = Shares(_real, movie => movie.Year);
        var synthetic = Shares(_synthetic, movie => movie.Year);
        var distance = real.Keys.Union(synthetic.Keys)
            .Sum(year => Math.Abs(real.GetValueOrDefault(year) - synthetic.GetValueOrDefault(year))) / 2;

        Assert.True(distance <= 0.04, $"total variation distance {distance:F3}");
        Assert.Subset(real.Keys.ToHashSet(), synthetic.Keys.ToHashSet());
    }

    [Fact]
    public void Each_genre_is_on_the_same_share_of_movies_within_1_5_points()
    {
        var genres = _real.SelectMany(movie => movie.Genres).Distinct().ToArray();
        Assert.Equal(20, genres.Length);
        foreach (var genre in genres)
        {
            AssertShareClose(genre, movie => movie.Genres.Contains(genre), 0.015);
        }

        Assert.Empty(_synthetic.SelectMany(movie => movie.Genres).Except(genres));
    }

    [Fact]
    public void Genres_per_movie_follow_the_real_counts_within_1_5_points()
    {
        for (var count = 0; count <= _real.Max(movie => movie.Genres.Count); count++)
        {
            var genreCount = count;
            AssertShareClose($"{count} genres", movie => movie.Genres.Count == genreCount, 0.015);
        }
    }

    [Fact]
    public void The_ten_most_common_genre_pairs_co_occur_as_often_within_1_point()
    {
        var pairs = _real
            .SelectMany(movie => movie.Genres.Order(StringComparer.Ordinal).SelectMany(
                (first, index) => movie.Genres.Order(StringComparer.Ordinal).Skip(index + 1).Select(second => (first, second))))
            .CountBy(pair => pair)
            .OrderByDescending(pair => pair.Value)
            .Take(10)
            .Select(pair => pair.Key);

        foreach (var (first, second) in pairs)
        {
            AssertShareClose($"{first} + {second}", movie => movie.Genres.Contains(first) && movie.Genres.Contains(second), 0.01);
        }
    }

    [Fact]
    public void Popularity_quartiles_are_within_10_percent_and_the_share_below_1_within_1_5_points()
    {
        foreach (var quantile in new[] { 0.25, 0.5, 0.75, 0.9 })
        {
            var real = Quantile(_real, quantile);
            var synthetic = Quantile(_synthetic, quantile);
            Assert.True(Math.Abs(synthetic - real) <= 0.10 * real, $"q{quantile}: real {real:F3}, synthetic {synthetic:F3}");
        }

        AssertShareClose("popularity below 1", movie => movie.Popularity < 1, 0.015);
    }

    [Fact]
    public void Unknown_money_runtime_and_votes_are_as_common_within_1_5_points()
    {
        // Zero means unknown in the real file (data/README.md), and the analysis measures skip unknowns.
        AssertShareClose("unknown budget", movie => movie.Budget == 0, 0.015);
        AssertShareClose("unknown revenue", movie => movie.Revenue == 0, 0.015);
        AssertShareClose("unknown return on budget", movie => movie.Budget == 0 || movie.Revenue == 0, 0.015);
        AssertShareClose("unknown runtime", movie => movie.Runtime == 0, 0.005);
        AssertShareClose("no votes", movie => movie.VoteCount == 0, 0.005);
    }

    [Fact]
    public void Medians_of_the_known_money_runtime_and_ratings_are_within_10_percent()
    {
        AssertMedianClose("budget", movie => movie.Budget > 0 ? movie.Budget : null, 0.10);
        AssertMedianClose("revenue", movie => movie.Revenue > 0 ? movie.Revenue : null, 0.10);
        AssertMedianClose("return on budget", movie => movie.Budget > 0 && movie.Revenue > 0 ? (double)movie.Revenue / movie.Budget : null, 0.10);
        AssertMedianClose("runtime", movie => movie.Runtime > 0 ? movie.Runtime : null, 0.03);
        AssertMedianClose("vote count", movie => movie.VoteCount, 0.10);
        AssertMedianClose("rating", movie => movie.VoteCount > 0 ? movie.VoteAverage : null, 0.03);
    }

    [Fact]
    public void Languages_and_statuses_are_as_common_within_1_point()
    {
        foreach (var language in _real.Select(movie => movie.OriginalLanguage).Distinct())
        {
            AssertShareClose($"language {language}", movie => movie.OriginalLanguage == language, 0.01);
        }

        foreach (var status in _real.Select(movie => movie.Status).Distinct())
        {
            AssertShareClose($"status {status}", movie => movie.Status == status, 0.01);
        }

        Assert.Empty(_synthetic.Select(movie => movie.OriginalLanguage).Except(_real.Select(movie => movie.OriginalLanguage)));
    }

    [Fact]
    public void The_same_seed_writes_the_same_catalog_and_another_seed_a_different_one()
    {
        using var again = new SyntheticCatalogFile(2_000, Sample.Seed);
        using var other = new SyntheticCatalogFile(2_000, Sample.Seed + 1);

        Assert.Equal(_synthetic.Take(2_000), TmdbMovieFile.Read(again.Path), RawMovieComparer.Instance);
        Assert.NotEqual(_synthetic.Take(2_000), TmdbMovieFile.Read(other.Path), RawMovieComparer.Instance);
    }

    private void AssertShareClose(string what, Func<RawMovie, bool> predicate, double tolerance)
    {
        var real = (double)_real.Count(predicate) / _real.Count;
        var synthetic = (double)_synthetic.Count(predicate) / _synthetic.Count;
        Assert.True(Math.Abs(real - synthetic) <= tolerance, $"{what}: real {real:P2}, synthetic {synthetic:P2}");
    }

    private void AssertMedianClose(string what, Func<RawMovie, double?> value, double tolerance)
    {
        var real = Median(_real, value);
        var synthetic = Median(_synthetic, value);
        Assert.True(Math.Abs(synthetic - real) <= tolerance * real, $"median {what}: real {real:G6}, synthetic {synthetic:G6}");
    }

    private static double Median(IReadOnlyList<RawMovie> movies, Func<RawMovie, double?> value)
    {
        var sorted = movies.Select(value).OfType<double>().Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static Dictionary<int, double> Shares(IReadOnlyList<RawMovie> movies, Func<RawMovie, int?> key) =>
        movies.CountBy(movie => key(movie) ?? 0).ToDictionary(pair => pair.Key, pair => (double)pair.Value / movies.Count);

    private static double Quantile(IReadOnlyList<RawMovie> movies, double quantile)
    {
        var sorted = movies.Select(movie => movie.Popularity).Order().ToArray();
        return sorted[(int)(quantile * (sorted.Length - 1))];
    }

    /// <summary>The real file and one 20,000-movie sample, read once for all the tests.</summary>
    public sealed class Sample
    {
        public const int Seed = 20_251_128;

        public Sample()
        {
            Real = TmdbMovieFile.Read(DefaultDataFile.Path);
            using var file = new SyntheticCatalogFile(SampleSize, Seed);
            Synthetic = TmdbMovieFile.Read(file.Path);
        }

        public IReadOnlyList<RawMovie> Real { get; }

        public IReadOnlyList<RawMovie> Synthetic { get; }
    }

    private sealed class RawMovieComparer : IEqualityComparer<RawMovie>
    {
        public static readonly RawMovieComparer Instance = new();

        public bool Equals(RawMovie? x, RawMovie? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Year == y.Year && x.Popularity.Equals(y.Popularity) && x.Genres.SequenceEqual(y.Genres)
            && (x.Budget, x.Revenue, x.Runtime, x.OriginalLanguage, x.Status) == (y.Budget, y.Revenue, y.Runtime, y.OriginalLanguage, y.Status);

        public int GetHashCode(RawMovie obj) => obj.Id;
    }
}
