using MovieTrends.Bench.Infrastructure;

namespace MovieTrends.Bench;

/// <summary>The file a catalog is imported from; <see cref="Generation"/> is set when it had to be generated.</summary>
public sealed record DataFile(string Path, string Description, TimeSpan? Generation);

public static class CatalogFiles
{
    public const int SyntheticMovies = 1_000_000;
    public const int SyntheticSeed = 42;

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
