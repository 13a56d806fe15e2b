using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// A data file read independently of the importer: a plain RFC 4180 reader written for the tests, so the
/// expected values never come from the code under test.
/// </summary>
public sealed class CsvFixture
{
    private readonly Dictionary<string, int> _columns;

    private CsvFixture(string path, List<Record> records)
    {
        Path = path;
        _columns = records[0].Fields.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        Rows = records.Skip(1).ToList();
    }

    /// <summary>A record and the physical line it starts on (LF, CRLF and a bare CR each end a line).</summary>
    public sealed record Record(int Line, string[] Fields);

    public string Path { get; }

    public IReadOnlyList<Record> Rows { get; }

    public static string FixturePath(string fileName) => System.IO.Path.Combine(AppContext.BaseDirectory, "Ingest", "Fixtures", fileName);

    public static CsvFixture Load(string path)
    {
        using var file = File.OpenRead(path);
        using var content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(content, Encoding.UTF8);
        return new CsvFixture(path, Parse(reader.ReadToEnd()));
    }

    public IReadOnlySet<string> Columns => _columns.Keys.ToHashSet(StringComparer.Ordinal);

    public bool Has(string column) => _columns.ContainsKey(column);

    public string Get(Record row, string column) => row.Fields[_columns[column]];

    public int Id(Record row) => int.Parse(Get(row, "id"), CultureInfo.InvariantCulture);

    public double Double(Record row, string column) => double.Parse(Get(row, column), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Genre names as the layout writes them: a JSON list, or names split by pipes or commas.</summary>
    public string[] Genres(Record row) => Has("genre")
        ? Split(Get(row, "genre"), ',')
        : Get(row, "genres") is var genres && genres.StartsWith('[')
            ? [.. JsonDocument.Parse(genres).RootElement.EnumerateArray().Select(g => g.GetProperty("name").GetString()!)]
            : Split(genres, '|');

    /// <summary>
    /// The release date, or null when the field is empty: ISO <c>yyyy-MM-dd</c>, except the tmdb-movies
    /// layout's <c>M/D/YY</c>, whose century comes from <c>release_year</c> (its two-digit year is ambiguous).
    /// </summary>
    public DateOnly? ReleaseDate(Record row)
    {
        var value = Get(row, "release_date");
        if (value.Length == 0)
        {
            return null;
        }

        if (!Has("release_year"))
        {
            return DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var parts = value.Split('/').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        return new DateOnly(int.Parse(Get(row, "release_year"), CultureInfo.InvariantCulture), parts[0], parts[1]);
    }

    private static string[] Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<Record> Parse(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                    line += IsLineEnd(text, i) ? 1 : 0;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add(new Record(recordLine, [.. fields]));
                fields.Clear();
                recordLine = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, [.. fields]));
        }

        return records;
    }

    // Inside a quoted field a CRLF pair counts once, on its LF.
    private static bool IsLineEnd(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'));
}
