using System.IO.Compression;
using System.Text.Json;
using nietras.SeparatedValues;

namespace MovieTrends.Tests.Bench;

/// <summary>One movie as the test reads it straight off a TMDB 5000 layout CSV, independently of the generator.</summary>
public sealed record RawMovie(int Id, int? Year, IReadOnlyList<string> Genres, double Popularity);

public static class TmdbMovieFile
{
    public static IReadOnlyList<RawMovie> Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = Sep.New(',').Reader(options => options with { Unescape = true }).From(gzip);
        var movies = new List<RawMovie>();
        foreach (var row in reader)
        {
            using var genres = JsonDocument.Parse(row["genres"].ToString());
            var releaseDate = row["release_date"].ToString();
            movies.Add(new RawMovie(
                int.Parse(row["id"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                releaseDate.Length == 0 ? null : DateOnly.ParseExact(releaseDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Year,
                [.. genres.RootElement.EnumerateArray().Select(genre => genre.GetProperty("name").GetString()!)],
                double.Parse(row["popularity"].ToString(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return movies;
    }
}
