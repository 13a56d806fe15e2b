namespace MovieTrends.Ingest.Import.Layouts;

/// <summary>
/// Splits genre lists into names, handing out one shared string per distinct name:
/// a million movies share a few dozen genre names.
/// </summary>
internal sealed class GenreNames
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _current = [];

    public GenreNames() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Names separated by <paramref name="separator"/>; blanks and repeats are dropped.</summary>
    public string[] Split(ReadOnlySpan<char> list, char separator)
    {
        _current.Clear();
        foreach (var range in list.Split(separator))
        {
            Add(list[range]);
        }

        return Take();
    }

    /// <summary>Starts a list built name by name with <see cref="Add"/> and finished with <see cref="Take"/>.</summary>
    public void Begin() => _current.Clear();

    public void Add(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.IsEmpty)
        {
            return;
        }

        if (!_lookup.TryGetValue(name, out var shared))
        {
            shared = name.ToString();
            _names.Add(shared, shared);
        }

        if (!_current.Contains(shared))
        {
            _current.Add(shared);
        }
    }

    public string[] Take() => _current.Count == 0 ? [] : [.. _current];
}
