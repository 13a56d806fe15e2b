using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using nietras.SeparatedValues;

namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>
/// The "tmdb-movies.csv" extract: no <c>title</c> column (only <c>original_title</c>), pipe-separated
/// genres, and release dates as <c>M/D/YY</c>. The two-digit year is ambiguous (66 is 1966 here, 2066
/// to many parsers), so the full date is rebuilt from <c>release_year</c> plus the month and day.
/// </summary>
public sealed class TmdbMoviesLayout() : MovieLayout("tmdb-movies", titleColumn: "original_title", genresColumn: "genres", ReleaseYearColumn)
{
    private const string ReleaseYearColumn = "release_year";

    private protected override bool TryParseGenres(ReadOnlySpan<char> value, GenreNames genreNames,
        out string[] genres, [NotNullWhen(false)] out string? error)
    {
        genres = genreNames.Split(value, '|');
        error = null;
        return true;
    }

    protected override bool TryParseReleaseDate(SepReader.Row row, out DateOnly? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        error = null;
        var value = row[ReleaseDateColumn].Span.Trim();
        if (value.IsEmpty)
        {
            return true;
        }

        var yearText = row[ReleaseYearColumn].Span;
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9999)
        {
            error = $"invalid {ReleaseYearColumn} {Fields.Quote(yearText)}: expected a four-digit year";
            return false;
        }

        if (!TryParseMonthDayYear(value, out var month, out var day, out var shortYear)
            || day > DateTime.DaysInMonth(year, month))
        {
            error = $"invalid {ReleaseDateColumn} {Fields.Quote(value)}: expected a date like 12/18/66";
            return false;
        }

        if (shortYear != year % 100)
        {
            error = $"{ReleaseDateColumn} {Fields.Quote(value)} disagrees with {ReleaseYearColumn} {year}";
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryParseMonthDayYear(ReadOnlySpan<char> value, out int month, out int day, out int shortYear)
    {
        month = day = shortYear = 0;
        Span<Range> parts = stackalloc Range[4];
        return value.Split(parts, '/') == 3
            && int.TryParse(value[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12
            && int.TryParse(value[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out day) && day >= 1
            && value[parts[2]].Length == 2
            && int.TryParse(value[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out shortYear);
    }
}
