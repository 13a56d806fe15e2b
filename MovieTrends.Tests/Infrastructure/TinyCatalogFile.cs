using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>A handful of movies written as a gzipped CSV in the TMDB 5000 layout, for tests that import their own catalog.</summary>
public static class TinyCatalogFile
{
    /// <param name="GenreId">TMDB's id of the genre (18 Drama, 35 Comedy, ...).</param>
    public sealed record Movie(int Id, string Title, int GenreId, string Genre, DateOnly ReleaseDate, double Popularity);

    public static async Task<string> WriteAsync(string directory, string fileName, params Movie[] movies)
    {
        var csv = new StringBuilder("id,title,genres,release_date,popularity,vote_average,vote_count,overview\n");
        foreach (var movie in movies)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{movie.Id},{movie.Title},\"[{{\"\"id\"\": {movie.GenreId}, \"\"name\"\": \"\"{movie.Genre}\"\"}}]\",")
                .Append(CultureInfo.InvariantCulture, $"{movie.ReleaseDate:yyyy-MM-dd},{movie.Popularity},6.5,10,A test movie.\n");
        }

        var path = Path.Combine(directory, fileName);
        await using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        await gzip.WriteAsync(Encoding.UTF8.GetBytes(csv.ToString()));
        return path;
    }
}
