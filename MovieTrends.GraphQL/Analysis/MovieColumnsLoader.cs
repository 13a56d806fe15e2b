using System.Data;
using MovieTrends.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Reads one dataset's <see cref="MovieColumns"/> in one streamed pass: the count first, in the same snapshot, so
/// every column is allocated once at its final size and a million movies never cost twice their memory.
/// </summary>
internal static class MovieColumnsLoader
{
    // A bulk read of up to a million rows, not a request: it may take longer than a request's statement, and the
    // requests waiting for it are bounded by their own execution timeout.
    private const int CommandSeconds = 60;

    public static async Task<MovieColumns> LoadAsync(NpgsqlDataSource dataSource, string dataset)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);

        int count;
        await using (var counting = Command(connection, transaction, MovieColumnsSql.DatedMovieCount, dataset))
        {
            count = (int)(await counting.ExecuteScalarAsync())!;
        }

        var genreBits = new Dictionary<short, int>();
        var genreNames = new List<string>();
        await using (var genreCommand = Command(connection, transaction, MovieColumnsSql.DatasetGenres, dataset))
        await using (var genres = await genreCommand.ExecuteReaderAsync())
        {
            while (await genres.ReadAsync())
            {
                if (genreNames.Count == MovieColumns.MaxGenres)
                {
                    throw new InvalidOperationException(
                        $"Dataset '{dataset}' has more than {MovieColumns.MaxGenres} genres; the analysis holds at most that many.");
                }

                genreBits.Add(genres.GetInt16(0), genreNames.Count);
                genreNames.Add(genres.GetString(1));
            }
        }

        var arrays = new MovieColumnArrays(count);
        var languages = new LanguageIndex();
        var yearStarts = new List<int>();
        var firstYear = 0;
        var row = 0;
        await using (var movieCommand = Command(connection, transaction, MovieColumnsSql.DatedMovies, dataset))
        await using (var movies = await movieCommand.ExecuteReaderAsync())
        {
            while (await movies.ReadAsync())
            {
                if (row == count)
                {
                    throw new InvalidOperationException($"Dataset '{dataset}' gained movies during one snapshot read.");
                }

                var year = movies.GetInt16(0);
                if (row == 0)
                {
                    firstYear = year;
                }

                // A start for every year up to this one, empty years included, so a year maps to its rows by index.
                while (firstYear + yearStarts.Count <= year)
                {
                    yearStarts.Add(row);
                }

                arrays.Ids[row] = movies.GetInt32(1);
                arrays.Popularity[row] = movies.GetDouble(2);
                arrays.Ratings[row] = movies.IsDBNull(3) ? double.NaN : movies.GetDouble(3);
                arrays.VoteCounts[row] = movies.IsDBNull(4) ? -1 : movies.GetInt32(4);
                arrays.Runtimes[row] = movies.IsDBNull(5) ? 0 : movies.GetInt32(5);
                arrays.Budgets[row] = movies.IsDBNull(6) ? 0 : movies.GetInt64(6);
                arrays.Revenues[row] = movies.IsDBNull(7) ? 0 : movies.GetInt64(7);
                arrays.LanguageIndexes[row] = movies.IsDBNull(8) ? (ushort)0 : languages.Of(movies.GetString(8));
                arrays.Released[row] = !movies.IsDBNull(9) && movies.GetBoolean(9);
                var mask = 0u;
                foreach (var genreId in movies.GetFieldValue<short[]>(10))
                {
                    mask |= 1u << genreBits[genreId];
                }

                arrays.GenreMasks[row] = mask;
                arrays.TitleRanks[row] = movies.GetInt32(11);
                row++;
            }
        }

        if (row != count)
        {
            throw new InvalidOperationException($"Dataset '{dataset}' lost movies during one snapshot read.");
        }

        yearStarts.Add(row);
        await transaction.CommitAsync();
        return new MovieColumns(firstYear, [.. yearStarts], genreNames, languages.Codes, arrays);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string dataset) =>
        new(sql, connection, transaction)
        {
            CommandTimeout = CommandSeconds,
            Parameters = { new NpgsqlParameter<string> { TypedValue = dataset, NpgsqlDbType = NpgsqlDbType.Text } },
        };

    /// <summary>Small indexes for the few distinct language codes; 0 stands for none.</summary>
    private sealed class LanguageIndex
    {
        private readonly Dictionary<string, ushort> _indexes = new(StringComparer.Ordinal);

        public List<string?> Codes { get; } = [null];

        public ushort Of(string code)
        {
            if (!_indexes.TryGetValue(code, out var index))
            {
                if (Codes.Count > ushort.MaxValue)
                {
                    throw new InvalidOperationException($"More than {ushort.MaxValue} languages in one dataset.");
                }

                index = (ushort)Codes.Count;
                _indexes.Add(code, index);
                Codes.Add(code);
            }

            return index;
        }
    }
}
