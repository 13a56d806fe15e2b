using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>
/// The Kaggle "TMDB 5000" file: genres as a JSON list, e.g. <c>[{"id": 28, "name": "Action"}]</c>,
/// ISO release dates.
/// </summary>
public sealed class Tmdb5000Layout() : MovieLayout("tmdb-5000", titleColumn: "title", genresColumn: GenresColumn)
{
    private const string GenresColumn = "genres";
    private const int MaxGenreNameLength = 256;

    private protected override bool TryParseGenres(ReadOnlySpan<char> value, GenreNames genreNames,
        out string[] genres, [NotNullWhen(false)] out string? error)
    {
        genres = [];
        error = null;
        if (value.IsWhiteSpace())
        {
            return true;
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, utf8);
            genreNames.Begin();
            if (ReadNames(new Utf8JsonReader(utf8.AsSpan(0, length)), genreNames))
            {
                genres = genreNames.Take();
                return true;
            }
        }
        catch (JsonException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }

        error = $"invalid {GenresColumn} {Fields.Quote(value)}: expected a JSON list like [{{\"id\": 28, \"name\": \"Action\"}}]";
        return false;
    }

    /// <summary>Walks <c>[{..., "name": "X"}, ...]</c>; false when the shape is anything else.</summary>
    private static bool ReadNames(Utf8JsonReader json, GenreNames genreNames)
    {
        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        Span<char> name = stackalloc char[MaxGenreNameLength];
        while (json.Read() && json.TokenType == JsonTokenType.StartObject)
        {
            var named = false;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var isName = json.ValueTextEquals("name"u8);
                if (!json.Read())
                {
                    return false;
                }

                if (isName && json.TokenType == JsonTokenType.String && json.ValueSpan.Length <= MaxGenreNameLength)
                {
                    genreNames.Add(name[..json.CopyString(name)]);
                    named = true;
                }
                else
                {
                    json.Skip();
                }
            }

            if (!named || json.TokenType != JsonTokenType.EndObject)
            {
                return false;
            }
        }

        return json.TokenType == JsonTokenType.EndArray && !json.Read();
    }
}
