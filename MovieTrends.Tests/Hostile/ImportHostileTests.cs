using System.IO.Compression;
using System.Text;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Ingest;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Damaged data files against the importer's command line: each fails with exit code 1 and one line that
/// says what is wrong, and leaves the catalog exactly as the previous import left it. Every skipped row of
/// a file that does load is kept, however many there are. Each case starts the importer as its own
/// process, which takes seconds, so these run on a server of their own beside the AppHost layer, not in the
/// fast one.
/// </summary>
public sealed class ImportHostileTests(ScratchDatabaseServer server) : IClassFixture<ScratchDatabaseServer>
{
    // A process start, migrations and a refusal, on a busy 2-core machine.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private const string EndsEarly = "is damaged: the gzip data ends early";
    private const string Damaged = "is damaged";
    private const string OpenQuote = "opens a quoted field that never closes";
    private const string NotText = "is damaged: it holds bytes that are not UTF-8 text";

    private static readonly string GoodCsvPath = CsvFixture.FixturePath("top10K-TMDB-movies.head.csv");

    public static TheoryData<string, string> DamagedFiles => new()
    {
        { "gzip cut at a quarter", EndsEarly },
        { "gzip cut in half", EndsEarly },
        { "gzip cut at three quarters", EndsEarly },
        { "gzip without its last byte", EndsEarly },
        { "gzip without its 8-byte trailer", EndsEarly },
        { "gzip cut inside its header", EndsEarly },
        { "gzip with a wrong CRC", Damaged },
        { "gzip with a wrong length", Damaged },
        { "gzip with a scrambled middle", Damaged },
        { "gzip magic then garbage", Damaged },
        { "CSV cut inside a quoted overview", OpenQuote },
        { "gzipped CSV cut inside a quoted overview", OpenQuote },
        { "random bytes", NotText },
        { "a header then random bytes", NotText },
        { "a NUL byte in a title", "holds a NUL byte" },
        { "re-encoded as Latin-1", NotText },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public async Task A_damaged_file_exits_1_with_one_line_and_changes_nothing(string damage, string expected)
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz"));
        var before = await CatalogStateAsync(catalog);
        var path = Path.Combine(Path.GetTempPath(), $"damaged.{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, Damage(damage, await File.ReadAllBytesAsync(GoodCsvPath)));
        try
        {
            var result = await IngestProcess.ImportAsync(path, catalog.ConnectionString, Budget);

            Assert.True(result.ExitCode == 1, $"Exit code {result.ExitCode}; stdout: {result.Output}; stderr: {result.Error}");
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: {Path.GetFileName(path)} ", line);
            Assert.Contains(expected, line);
            Assert.DoesNotContain("   at ", result.Output + result.Error);
            Assert.True(result.Elapsed < Budget);
            Assert.Equal(before, await CatalogStateAsync(catalog));
            // Nothing is left holding a lock: the next import may start at once.
            Assert.Equal(0L, await catalog.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_intact_file_behind_the_damaged_ones_imports()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz"));
        var path = Path.Combine(Path.GetTempPath(), $"intact.{Guid.NewGuid():N}.csv.gz");
        await File.WriteAllBytesAsync(path, Gzip(await File.ReadAllBytesAsync(GoodCsvPath)));
        try
        {
            var result = await IngestProcess.ImportAsync(path, catalog.ConnectionString, Budget);

            Assert.True(result.ExitCode == 0, $"Exit code {result.ExitCode}; stderr: {result.Error}");
            Assert.Equal(2L, await catalog.ScalarAsync<long>("SELECT count(*) FROM imports"));
            Assert.Equal(200, await catalog.ScalarAsync<int>("SELECT rows_read FROM imports ORDER BY id DESC LIMIT 1"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_skipped_row_is_kept_with_its_line_and_reason_and_the_command_says_where()
    {
        const int Skipped = 1_440;
        var (path, expected) = await WriteFileWithBadRowsAsync(Skipped, good: 60);
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        try
        {
            var result = await IngestProcess.ImportAsync(path, catalog.ConnectionString, Budget);

            Assert.True(result.ExitCode == 0, $"Exit code {result.ExitCode}; stderr: {result.Error}");
            var importId = await catalog.ScalarAsync<long>("SELECT id FROM imports");
            Assert.Equal(Skipped, await catalog.ScalarAsync<int>("SELECT rows_skipped FROM imports"));
            Assert.Contains($"SELECT line, reason FROM import_rejections WHERE import_id = {importId} ORDER BY line", result.Output);
            var rejections = await RejectionsAsync(catalog, importId);
            Assert.Equal(expected.Select(row => row.Line), rejections.Select(row => row.Line));
            Assert.All(expected.Zip(rejections), pair => Assert.StartsWith($"invalid popularity '{pair.First.Popularity}'", pair.Second.Reason));
            Assert.Equal(60L, await catalog.ScalarAsync<long>("SELECT count(*) FROM movies"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The damaged form of a good plain CSV file, named in <see cref="DamagedFiles"/>.</summary>
    private static byte[] Damage(string damage, byte[] csv)
    {
        var gzip = Gzip(csv);
        var random = new Random(1440);
        var garbage = new byte[8192];
        random.NextBytes(garbage);
        var header = csv[..(Array.IndexOf(csv, (byte)'\n') + 1)];
        return damage switch
        {
            "gzip cut at a quarter" => gzip[..(gzip.Length / 4)],
            "gzip cut in half" => gzip[..(gzip.Length / 2)],
            "gzip cut at three quarters" => gzip[..(gzip.Length * 3 / 4)],
            "gzip without its last byte" => gzip[..^1],
            "gzip without its 8-byte trailer" => gzip[..^8],
            "gzip cut inside its header" => gzip[..6],
            "gzip with a wrong CRC" => Flip(gzip, gzip.Length - 8),
            "gzip with a wrong length" => Flip(gzip, gzip.Length - 1),
            "gzip with a scrambled middle" => Scramble(gzip, gzip.Length / 2, 64),
            "gzip magic then garbage" => [.. gzip[..10], .. garbage],
            "CSV cut inside a quoted overview" => CutInsideQuotes(csv),
            "gzipped CSV cut inside a quoted overview" => Gzip(CutInsideQuotes(csv)),
            "random bytes" => garbage,
            "a header then random bytes" => [.. header, .. garbage],
            "a NUL byte in a title" => InsertNul(csv),
            "re-encoded as Latin-1" => Latin1(csv),
            _ => throw new ArgumentException($"unknown damage '{damage}'", nameof(damage)),
        };
    }

    private static byte[] Gzip(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    private static byte[] Flip(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 0xFF;
        return copy;
    }

    private static byte[] Scramble(byte[] data, int start, int length)
    {
        var copy = (byte[])data.Clone();
        Array.Fill(copy, (byte)0xAB, start, length);
        return copy;
    }

    /// <summary>Cut 40 characters into the quoted overview of the 100th movie, the way a download dies.</summary>
    private static byte[] CutInsideQuotes(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv);
        var record = CsvFixture.Load(GoodCsvPath).Rows[99];
        var overview = text.IndexOf(record.Fields[4][..30], StringComparison.Ordinal);
        Assert.True(overview > 0 && text[overview - 1] == '"', "The 100th overview is not a quoted field.");
        return Encoding.UTF8.GetBytes(text[..(overview + 40)]);
    }

    private static byte[] InsertNul(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv);
        var title = CsvFixture.Load(GoodCsvPath).Rows[49].Fields[1];
        var at = text.IndexOf(title, StringComparison.Ordinal) + title.Length / 2;
        return Encoding.UTF8.GetBytes(text[..at] + '\0' + text[at..]);
    }

    private static byte[] Latin1(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains(text, c => c is >= '\u0080' and <= '\u00FF');
        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>
    /// A top-rated-layout file of <paramref name="bad"/> rows with an unreadable popularity spread among
    /// <paramref name="good"/> valid ones; returns its path and the line and popularity text of each bad row.
    /// </summary>
    private static async Task<(string Path, List<(int Line, string Popularity)> Expected)> WriteFileWithBadRowsAsync(int bad, int good)
    {
        var text = new StringBuilder("id,title,genre,original_language,overview,popularity,release_date,vote_average,vote_count\n");
        var expected = new List<(int, string)>();
        var spacing = (bad + good) / good;
        for (var i = 0; i < bad + good; i++)
        {
            if (i % spacing == 0 && i / spacing < good)
            {
                // A quoted overview over two lines: later records start two physical lines further down.
                text.Append($"{900000 + i},Movie {i},Drama,en,\"An overview,\nover two lines\",1.5,2001-02-03,7.1,300\n");
            }
            else
            {
                expected.Add((text.ToString().Count(c => c == '\n') + 1, $"popular-{i}"));
                text.Append($"{900000 + i},Movie {i},Drama,en,plain overview,popular-{i},2001-02-03,7.1,300\n");
            }
        }

        Assert.Equal(bad, expected.Count);
        var path = Path.Combine(Path.GetTempPath(), $"bad-rows.{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text.ToString());
        return (path, expected);
    }

    private static async Task<List<(int Line, string Reason)>> RejectionsAsync(CatalogDatabase catalog, long importId)
    {
        var rows = new List<(int, string)>();
        await using var command = catalog.DataSource.CreateCommand($"SELECT line, reason FROM import_rejections WHERE import_id = {importId} ORDER BY line");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Movie count, a checksum of every catalog table, the imports and their rejections.</summary>
    private static async Task<(long Movies, string Checksum, string Imports, long Rejections)> CatalogStateAsync(CatalogDatabase catalog) =>
        (await catalog.ScalarAsync<long>("SELECT count(*) FROM movies"),
         await catalog.SnapshotAsync(),
         await catalog.ScalarAsync<string>("SELECT coalesce(string_agg(i::text, ';' ORDER BY id), '') FROM imports i"),
         await catalog.ScalarAsync<long>("SELECT count(*) FROM import_rejections"));
}
