using System.IO.Compression;
using System.Text.Json;
using nietras.SeparatedValues;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// Reads the shipped TMDB 5000 file directly, independently of the importer, so tests compare what the
/// app loaded with what the raw data holds.
/// </summary>
public static class DefaultDataFile
{
    public static string Path { get; } = FindRepositoryFile("data", "tmdb_5000_movies.csv.gz");

    /// <summary>Distinct TMDB ids and distinct genre names in the file.</summary>
    public static (int Movies, int Genres) Count()
    {
        using var file = File.OpenRead(Path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = Sep.Reader(options => options with { Unescape = true }).From(gzip);

        var ids = new HashSet<long>();
        var genres = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            ids.Add(row["id"].Parse<long>());
            // genres holds a JSON list such as [{"id": 28, "name": "Action"}].
            using var genreList = JsonDocument.Parse(row["genres"].ToString());
            foreach (var genre in genreList.RootElement.EnumerateArray())
            {
                genres.Add(genre.GetProperty("name").GetString()!);
            }
        }

        return (ids.Count, genres.Count);
    }

    private static string FindRepositoryFile(params string[] relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine([directory.FullName, .. relativePath]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{System.IO.Path.Combine(relativePath)} not found above {AppContext.BaseDirectory}.");
    }
}
