using System.Data;
using MovieTrends.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Reads one dataset's <see cref="MovieColumns"/> in one repeatable-read snapshot, with no wide sort in the
/// database: the year counts size every column once at its final length (a million movies never cost twice
/// their memory), movies stream in id order and each lands at its year's next row, so rows end up by year, then
/// id; genres then stream by id and are merged in along the rows in id order (4 bytes a movie while reading,
/// where holding the genre pairs took 5 bytes a pair), and the title ranks are found by id within the movie's year.
/// </summary>
internal static class MovieColumnsLoader
{
    // A bulk read of up to a million rows, not a request: it may take longer than a request's statement, and the
    // requests waiting for it are bounded by their own execution timeout.
    private const int CommandSeconds = 120;

    public static async Task<MovieColumns> LoadAsync(NpgsqlDataSource dataSource, string dataset)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await using (var settings = new NpgsqlCommand(MovieColumnsSql.BulkReadSettings, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync();
        }

        var read = new Reader(connection, transaction, dataset);
        var genreBits = await read.GenreBitsAsync();
        var (firstYear, yearStarts) = await read.YearStartsAsync();
        var arrays = new MovieColumnArrays(yearStarts[^1]);
        var (languages, rowsById) = await read.MoviesAsync(arrays, firstYear, yearStarts);
        await read.MovieGenresAsync(arrays, rowsById, genreBits.Bits);
        await read.TitleRanksAsync(arrays, firstYear, yearStarts);
        await transaction.CommitAsync();
        return new MovieColumns(firstYear, yearStarts, genreBits.Names, languages, arrays);
    }

    private sealed class Reader(NpgsqlConnection connection, NpgsqlTransaction transaction, string dataset)
    {
        public async Task<(Dictionary<short, byte> Bits, List<string> Names)> GenreBitsAsync()
        {
            var bits = new Dictionary<short, byte>();
            var names = new List<string>();
            await using var command = Command(MovieColumnsSql.DatasetGenres);
            await using var genres = await command.ExecuteReaderAsync();
            while (await genres.ReadAsync())
            {
                if (names.Count == MovieColumns.MaxGenres)
                {
                    throw new InvalidOperationException(
                        $"Dataset '{dataset}' has more than {MovieColumns.MaxGenres} genres; the analysis holds at most that many.");
                }

                bits.Add(genres.GetInt16(0), (byte)names.Count);
                names.Add(genres.GetString(1));
            }

            return (bits, names);
        }

        /// <returns>The first year and, per year from it, the first row of the year; the last entry is the row count.</returns>
        public async Task<(int FirstYear, int[] YearStarts)> YearStartsAsync()
        {
            var counts = new List<(int Year, int Count)>();
            await using var command = Command(MovieColumnsSql.YearCounts);
            await using (var years = await command.ExecuteReaderAsync())
            {
                while (await years.ReadAsync())
                {
                    counts.Add((years.GetInt16(0), years.GetInt32(1)));
                }
            }

            if (counts.Count == 0)
            {
                return (0, [0]);
            }

            var firstYear = counts[0].Year;
            var starts = new int[counts[^1].Year - firstYear + 2];
            foreach (var (year, count) in counts)
            {
                starts[year - firstYear + 1] = count;
            }

            for (var index = 1; index < starts.Length; index++)
            {
                starts[index] += starts[index - 1];
            }

            return (firstYear, starts);
        }

        /// <returns>
        /// The language codes, index 0 standing for none, and the rows in movie id order (the order the movies came
        /// in), which the genres are merged along.
        /// </returns>
        public async Task<(List<string?> Languages, int[] RowsById)> MoviesAsync(MovieColumnArrays arrays, int firstYear, int[] yearStarts)
        {
            var next = yearStarts[..^1];
            var languages = new LanguageIndex();
            var rowsById = new int[arrays.Ids.Length];
            var read = 0;
            await using var command = Command(MovieColumnsSql.DatedMovies);
            await using var movies = await command.ExecuteReaderAsync();
            while (await movies.ReadAsync())
            {
                var yearIndex = movies.GetInt16(0) - firstYear;
                if (yearIndex < 0 || yearIndex >= next.Length || next[yearIndex] == yearStarts[yearIndex + 1])
                {
                    throw Moved();
                }

                var row = next[yearIndex]++;
                rowsById[read++] = row;
                arrays.Ids[row] = movies.GetInt32(1);
                arrays.Popularity[row] = movies.GetDouble(2);
                arrays.Ratings[row] = movies.IsDBNull(3) ? double.NaN : movies.GetDouble(3);
                arrays.VoteCounts[row] = movies.IsDBNull(4) ? -1 : movies.GetInt32(4);
                arrays.Runtimes[row] = movies.IsDBNull(5) ? 0 : movies.GetInt32(5);
                arrays.Budgets[row] = movies.IsDBNull(6) ? 0 : movies.GetInt64(6);
                arrays.Revenues[row] = movies.IsDBNull(7) ? 0 : movies.GetInt64(7);
                arrays.LanguageIndexes[row] = movies.IsDBNull(8) ? (ushort)0 : languages.Of(movies.GetString(8));
                arrays.Released[row] = !movies.IsDBNull(9) && movies.GetBoolean(9);
            }

            for (var yearIndex = 0; yearIndex < next.Length; yearIndex++)
            {
                if (next[yearIndex] != yearStarts[yearIndex + 1])
                {
                    throw Moved();
                }
            }

            return (languages.Codes, rowsById);
        }

        /// <summary>
        /// Sets each movie's genre mask from the (movie id, genre) pairs, which stream by movie id as the movies did:
        /// one walk along <paramref name="rowsById"/>, the pairs of undated movies skipped, none of them held.
        /// </summary>
        public async Task MovieGenresAsync(MovieColumnArrays arrays, int[] rowsById, Dictionary<short, byte> genreBits)
        {
            var next = 0;
            await using var command = Command(MovieColumnsSql.MovieGenres);
            await using var genres = await command.ExecuteReaderAsync();
            while (await genres.ReadAsync())
            {
                var id = genres.GetInt32(0);
                while (next < rowsById.Length && arrays.Ids[rowsById[next]] < id)
                {
                    next++;
                }

                if (next < rowsById.Length && arrays.Ids[rowsById[next]] == id)
                {
                    arrays.GenreMasks[rowsById[next]] |= 1u << genreBits[genres.GetInt16(1)];
                }
            }
        }

        public async Task TitleRanksAsync(MovieColumnArrays arrays, int firstYear, int[] yearStarts)
        {
            var rank = 0;
            await using var command = Command(MovieColumnsSql.DatedMoviesByTitle);
            await using var titles = await command.ExecuteReaderAsync();
            while (await titles.ReadAsync())
            {
                var yearIndex = titles.GetInt16(0) - firstYear;
                var start = yearStarts[yearIndex];
                var row = Array.BinarySearch(arrays.Ids, start, yearStarts[yearIndex + 1] - start, titles.GetInt32(1));
                arrays.TitleRanks[row >= 0 ? row : throw Moved()] = rank++;
            }
        }

        private NpgsqlCommand Command(string sql) => new(sql, connection, transaction)
        {
            CommandTimeout = CommandSeconds,
            Parameters = { new NpgsqlParameter<string> { TypedValue = dataset, NpgsqlDbType = NpgsqlDbType.Text } },
        };

        // One snapshot sees one catalog: the year counts and the movies can only disagree if an import broke them.
        private InvalidOperationException Moved() =>
            new($"Dataset '{dataset}': the movies do not match the year counts the import keeps with them.");
    }

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
