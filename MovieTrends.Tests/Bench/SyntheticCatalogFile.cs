using MovieTrends.Bench.Catalog;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Bench;

/// <summary>Generates a synthetic catalog file the way the benchmark does, into a temporary file.</summary>
public sealed class SyntheticCatalogFile : IDisposable
{
    public SyntheticCatalogFile(int movies, int seed)
    {
        var profile = CatalogProfile.Load(DefaultDataFile.Path);
        Tmdb5000CsvWriter.Write(Path, new SyntheticCatalog(profile, seed).Generate(movies), profile.GenreIds);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"synthetic-{Guid.NewGuid():N}.csv.gz");

    public void Dispose() => File.Delete(Path);
}
