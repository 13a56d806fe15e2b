using System.Diagnostics.CodeAnalysis;

namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>The "top10K" top-rated export: a singular <c>genre</c> column of comma-separated names, ISO dates.</summary>
public sealed class TopRatedLayout() : MovieLayout("tmdb-top10k", titleColumn: "title", genresColumn: "genre")
{
    private protected override bool TryParseGenres(ReadOnlySpan<char> value, GenreNames genreNames,
        out string[] genres, [NotNullWhen(false)] out string? error)
    {
        genres = genreNames.Split(value, ',');
        error = null;
        return true;
    }
}
