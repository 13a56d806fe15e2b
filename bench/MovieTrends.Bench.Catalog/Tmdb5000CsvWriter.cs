using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MovieTrends.Bench.Catalog;

/// <summary>Writes movies as a gzipped CSV in the Kaggle TMDB 5000 movies layout, the one the importer reads.</summary>
public static class Tmdb5000CsvWriter
{
    private const string Header =
        "budget,genres,homepage,id,keywords,original_language,original_title,overview,popularity," +
        "production_companies,production_countries,release_date,revenue,runtime,spoken_languages,status," +
        "tagline,title,vote_average,vote_count";

    public static void Write(string path, IEnumerable<SyntheticMovie> movies, IReadOnlyDictionary<string, int> genreIds)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        foreach (var movie in movies)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{movie.Budget},{Quote(GenresJson(movie.Genres, genreIds))},,{movie.Id},[],{movie.OriginalLanguage},{Quote(movie.Title)},{Quote(movie.Overview)}," +
                $"{movie.Popularity:R},[],[],{movie.ReleaseDate:yyyy-MM-dd},{movie.Revenue},{movie.Runtime},[],{Quote(movie.Status)},," +
                $"{Quote(movie.Title)},{movie.VoteAverage:R},{movie.VoteCount}"));
        }
    }

    private static string GenresJson(IReadOnlyList<string> genres, IReadOnlyDictionary<string, int> genreIds) =>
        "[" + string.Join(", ", genres.Select(name => $"{{\"id\": {genreIds[name]}, \"name\": \"{name}\"}}")) + "]";

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
