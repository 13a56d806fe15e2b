using System.IO.Compression;
using System.Text.Json;
using nietras.SeparatedValues;

namespace MovieTrends.Tests.Bench;

/// <summary>One movie as the test reads it straight off a TMDB 5000 layout CSV, independently of the generator.</summary>
public sealed record RawMovie(int Id, int? Year, IReadOnlyList<string> Genres, double Popularity)
{
    /// <summary>Whole dollars; 0 means unknown (data/README.md).</summary>
    public long Budget { get; init; }

    public long Revenue { get; init; }

    /// <summary>Minutes; 0 means unknown.</summary>
    public double Runtime { get; init; }

    public string OriginalLanguage { get; init; } = "";

    public string Status { get; init; } = "";

    public int VoteCount { get; init; }

    public double VoteAverage { get; init; }
}

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
                double.Parse(row["popularity"].ToString(), System.Globalization.CultureInfo.InvariantCulture))
            {
                Budget = (long)Number(row["budget"].ToString()),
                Revenue = (long)Number(row["revenue"].ToString()),
                Runtime = Number(row["runtime"].ToString()),
                OriginalLanguage = row["original_language"].ToString(),
                Status = row["status"].ToString(),
                VoteCount = (int)Number(row["vote_count"].ToString()),
                VoteAverage = Number(row["vote_average"].ToString()),
            });
        }

        return movies;
    }

    /// <summary>An empty field is an unknown, as a 0 is.</summary>
    private static double Number(string value) =>
        value.Length == 0 ? 0 : double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
