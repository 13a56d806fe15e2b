using System.Globalization;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Ingest;

/// <summary>What a data file says about each movie, worked out in the test from the raw CSV.</summary>
public static class ExpectedMovies
{
    public sealed record Movie(int Id, string Title, DateOnly? ReleaseDate, double Popularity, float? VoteAverage,
        int? VoteCount, string? Overview, string[] Genres);

    /// <summary>Every movie in the file by id; for a repeated id the first row counts.</summary>
    public static Dictionary<int, Movie> From(CsvFixture csv)
    {
        var movies = new Dictionary<int, Movie>();
        foreach (var row in csv.Rows)
        {
            var id = csv.Id(row);
            movies.TryAdd(id, new Movie(
                id,
                (csv.Has("title") ? csv.Get(row, "title") : csv.Get(row, "original_title")).Trim(),
                csv.ReleaseDate(row),
                csv.Double(row, "popularity"),
                csv.Get(row, "vote_average") is { Length: > 0 } average ? float.Parse(average, CultureInfo.InvariantCulture) : null,
                csv.Get(row, "vote_count") is { Length: > 0 } count ? int.Parse(count, CultureInfo.InvariantCulture) : null,
                string.IsNullOrWhiteSpace(csv.Get(row, "overview")) ? null : csv.Get(row, "overview"),
                [.. csv.Genres(row).Distinct().Order(StringComparer.Ordinal)]));
        }

        return movies;
    }

    /// <summary>Movies per (genre, year), each dated movie counted once per genre.</summary>
    public static Dictionary<(string Genre, int Year), int> GenreYearCounts(IEnumerable<Movie> movies) =>
        movies.Where(m => m.ReleaseDate is not null)
            .SelectMany(m => m.Genres.Select(genre => (genre, m.ReleaseDate!.Value.Year)))
            .GroupBy(key => key)
            .ToDictionary(g => g.Key, g => g.Count());

    public static Dictionary<int, int> YearCounts(IEnumerable<Movie> movies) =>
        movies.Where(m => m.ReleaseDate is not null)
            .GroupBy(m => m.ReleaseDate!.Value.Year)
            .ToDictionary(g => g.Key, g => g.Count());
}
