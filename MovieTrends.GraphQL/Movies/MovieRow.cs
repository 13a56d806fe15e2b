using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.GraphQL.Movies;

/// <summary>
/// Reads a movie as the API shows it from a row in the column order of <see cref="CatalogSql.MostAndLeastPopular"/>
/// (also <see cref="MovieColumnsSql.MoviesById"/>).
/// </summary>
public static class MovieRow
{
    public static Movie Read(NpgsqlDataReader reader)
    {
        return new Movie(
            Id: reader.GetInt32(0),
            Title: reader.GetString(1),
            ReleaseDate: reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
            Popularity: reader.GetDouble(3),
            // numeric holds the rating as the file wrote it; the nearest double prints it back the same way.
            VoteAverage: reader.IsDBNull(4) ? null : (double)reader.GetDecimal(4),
            VoteCount: reader.IsDBNull(5) ? null : reader.GetInt32(5),
            Genres: reader.GetFieldValue<string[]>(7),
            Overview: reader.IsDBNull(6) ? null : reader.GetString(6))
        {
            Runtime = reader.IsDBNull(8) ? null : reader.GetInt32(8),
            Budget = reader.IsDBNull(9) ? null : reader.GetInt64(9),
            Revenue = reader.IsDBNull(10) ? null : reader.GetInt64(10),
            OriginalLanguage = reader.IsDBNull(11) ? null : reader.GetString(11),
            Status = reader.IsDBNull(12) ? null : reader.GetString(12),
        };
    }
}
