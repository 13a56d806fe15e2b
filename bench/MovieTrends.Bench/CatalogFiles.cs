using MovieTrends.Bench.Infrastructure;

namespace MovieTrends.Bench;

/// <summary>The file a catalog is imported from; <see cref="Generation"/> is set when it had to be generated.</summary>
public sealed record DataFile(string Path, string Description, TimeSpan? Generation);

public static class CatalogFiles
{
    public const int SyntheticMovies = 1_000_000;
    public const int SyntheticSeed = 42;

    /// <summary>
    /// The bundled files of the other two datasets, imported beside either catalog so the service holds three datasets
    /// as it does in use. A file's layout names its dataset, so the synthetic file (TMDB 5000 layout) loads into
    /// <c>tmdb-5000</c> in place of the real 4,803 movies.
    /// </summary>
    public static IReadOnlyList<string> OtherDatasets(string repoRoot) =>
    [
        Path.Combine(repoRoot, "data", "tmdb-movies.csv.gz"),
        Path.Combine(repoRoot, "data", "top10K-TMDB-movies.csv.gz"),
    ];

    public static async Task<DataFile> ResolveAsync(string repoRoot, CatalogSize catalog)
    {
        var real = Path.Combine(repoRoot, "data", "tmdb_5000_movies.csv.gz");
        if (catalog == CatalogSize.Tmdb5000)
        {
            return new DataFile(real, "data/tmdb_5000_movies.csv.gz (Kaggle TMDB 5000)", null);
        }

        // Generated once and kept under bench/out/ (ignored by git): the same seed always yields the same file.
        var synthetic = Path.Combine(repoRoot, "bench", "out", $"synthetic-{SyntheticMovies}-seed{SyntheticSeed}.csv.gz");
        var description = $"{SyntheticMovies:N0} synthetic movies (bench/MovieTrends.Bench.Catalog, seed {SyntheticSeed})";
        if (File.Exists(synthetic))
        {
            return new DataFile(synthetic, description, null);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(synthetic)!);
        var generator = Path.Combine(repoRoot, "bench", "MovieTrends.Bench.Catalog", "bin", BuildConfiguration.Current, "net10.0", "MovieTrends.Bench.Catalog.dll");
        var partial = synthetic + ".partial";
        var result = await Command.RunAsync("dotnet",
            [generator, "--source", real, "--out", partial, "--movies", $"{SyntheticMovies}", "--seed", $"{SyntheticSeed}"]);
        File.Move(partial, synthetic);
        return new DataFile(synthetic, description, result.Elapsed);
    }
}
