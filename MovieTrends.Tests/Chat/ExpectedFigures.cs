using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The figures chat answers must carry, computed straight from the raw CSV with the documented rules:
/// a movie counts once in each of its genres, in its release year; growth is the change in a genre's
/// movies between two years (ties: larger share gain, then name); share is over the year's dated movies.
/// </summary>
public static class ExpectedFigures
{
    public static int Movies(int year) => RawTmdbData.Dated.Count(movie => movie.Year == year);

    public static int Movies(string genre, int from, int to) =>
        RawTmdbData.Dated.Count(movie => movie.Year >= from && movie.Year <= to && movie.Genres.Contains(genre));

    public static RawTmdbMovie MostPopular(int year) =>
        RawTmdbData.Dated.Where(movie => movie.Year == year).OrderByDescending(movie => movie.Popularity).ThenBy(movie => movie.Id).First();

    public static RawTmdbMovie LeastPopular(int year) =>
        RawTmdbData.Dated.Where(movie => movie.Year == year).OrderBy(movie => movie.Popularity).ThenBy(movie => movie.Id).First();

    public static IEnumerable<string> Genres => RawTmdbData.Movies.SelectMany(movie => movie.Genres).Distinct();

    /// <summary>The genre with the most movies over the range, ties by name.</summary>
    public static (string Genre, int Total) Largest(int from, int to) =>
        Genres.Select(genre => (Genre: genre, Total: Movies(genre, from, to)))
            .OrderByDescending(entry => entry.Total).ThenBy(entry => entry.Genre, StringComparer.Ordinal).First();

    public static Change Between(string genre, int from, int to) =>
        new(genre, Movies(genre, from, from), Movies(genre, to, to), (double)Movies(genre, from, from) / Movies(from), (double)Movies(genre, to, to) / Movies(to));

    public static Change FastestGrowing(int from, int to) =>
        Genres.Select(genre => Between(genre, from, to)).Where(change => change.Delta > 0)
            .OrderByDescending(change => change.Delta).ThenByDescending(change => change.ToShare - change.FromShare)
            .ThenBy(change => change.Genre, StringComparer.Ordinal).First();

    public static Change FastestShrinking(int from, int to) =>
        Genres.Select(genre => Between(genre, from, to)).Where(change => change.Delta < 0)
            .OrderBy(change => change.Delta).ThenBy(change => change.ToShare - change.FromShare)
            .ThenBy(change => change.Genre, StringComparer.Ordinal).First();

    public sealed record Change(string Genre, int FromCount, int ToCount, double FromShare, double ToShare)
    {
        public int Delta => ToCount - FromCount;
    }
}
