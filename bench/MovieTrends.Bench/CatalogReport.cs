using MovieTrends.Bench.Load;
using MovieTrends.Bench.Soak;

namespace MovieTrends.Bench;

/// <summary>A titled piece of evidence (CPU profile, database statements, query plans) printed verbatim in the results.</summary>
public sealed record Profile(string Title, string Text);

/// <summary>Everything measured for one catalog.</summary>
public sealed class CatalogReport(CatalogSize catalog, DataFile dataFile)
{
    public CatalogSize Catalog { get; } = catalog;

    public DataFile DataFile { get; } = dataFile;

    public string Name => Catalog == CatalogSize.Tmdb5000 ? "TMDB 5000 (real data)" : "1,000,000 synthetic movies";

    /// <summary>The dataset a question without one is about: the catalog's file imports into it.</summary>
    public string DefaultDataset { get; set; } = "";

    public int MovieCount { get; set; }

    public int UndatedCount { get; set; }

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    public TimeSpan Migrate { get; set; }

    /// <summary>Wall time of the Ingest CLI's import command, process start to exit.</summary>
    public TimeSpan Import { get; set; }

    /// <summary>The other bundled datasets' files, imported after the catalog's own (Ingest CLI, start to exit, together).</summary>
    public TimeSpan ImportOtherDatasets { get; set; }

    /// <summary>The datasets the service answers from, each with its movie count and how long its first measure question took to answer (the columns' load).</summary>
    public IReadOnlyList<(string Id, int MovieCount, TimeSpan Loaded)> Datasets { get; set; } = [];

    /// <summary>
    /// The GraphQL service's peak resident memory from its start through loading every dataset's movie columns (one
    /// measure question per dataset), before any load: the memory issue 13 bounds.
    /// </summary>
    public double? PeakRssEveryDatasetLoadedMiB { get; set; }

    public TimeSpan GraphQLStartup { get; set; }

    public TimeSpan WebStartup { get; set; }

    /// <summary>Empty temporary folder to both services healthy: cluster creation, migrations, import, services.</summary>
    public TimeSpan FromNothingToHealthy { get; set; }

    public int BaselineResponseBytes { get; set; }

    public List<Measurement> Measurements { get; } = [];

    /// <summary>The proxy rows measured again in rounds interleaved with the baseline; their medians are the proxy targets' ratios.</summary>
    public List<InterleavedRatio> InterleavedRatios { get; } = [];

    public List<Profile> Profiles { get; } = [];

    /// <summary>The mixed valid and hostile soak; run on the TMDB 5000 catalog only.</summary>
    public SoakResult? Soak { get; set; }

    public InterleavedRatio? Interleaved(Measurement measurement) =>
        InterleavedRatios.FirstOrDefault(ratio => ratio.Scenario == measurement.Scenario && ratio.Route == measurement.Route && ratio.Connections == measurement.Connections);

    public Measurement? Baseline(int connections) =>
        Measurements.FirstOrDefault(measurement => measurement.Route == Route.Baseline && measurement.Connections == connections);

    /// <summary>Requests/s as a share of the baseline's at the same connection count in the same run.</summary>
    public double? RatioToBaseline(Measurement measurement) =>
        Baseline(measurement.Connections) is { } baseline && baseline.Wrk.RequestsPerSecond > 0
            ? measurement.Wrk.RequestsPerSecond / baseline.Wrk.RequestsPerSecond
            : null;
}
