namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Which movies a question is about (the <c>MovieFilter</c> input); a field left null does not filter.
/// <see cref="MovieFilterCheck"/> validates one against a dataset; <see cref="Normalized"/> gives the form answers
/// are cached under, so equal questions share an entry.
/// </summary>
public sealed record MovieFilter(
    IReadOnlyList<string>? Languages = null,
    int? MinVotes = null,
    double? MinRating = null,
    bool? ReleasedOnly = null)
{
    public static MovieFilter None { get; } = new();

    /// <summary>Whether no field is set: every movie passes, and today's unfiltered answers apply.</summary>
    public bool IsEmpty => Languages is null && MinVotes is null && MinRating is null && ReleasedOnly is null;

    /// <summary>
    /// Languages lower-cased, distinct and sorted, and <c>releasedOnly: false</c> kept (it still asks about status data).
    /// A value equal to another's asks the same question.
    /// </summary>
    public MovieFilter Normalized() => this with
    {
        Languages = Languages is null
            ? null
            : new LanguageList([.. Languages.Select(language => language.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)]),
    };

    /// <summary>A language list that compares by its items, so a normalized filter works as a cache key.</summary>
    private sealed class LanguageList(string[] languages) : IReadOnlyList<string>, IEquatable<LanguageList>
    {
        public int Count => languages.Length;

        public string this[int index] => languages[index];

        public bool Equals(LanguageList? other) => other is not null && languages.AsSpan().SequenceEqual(other.ToArray());

        public override bool Equals(object? obj) => Equals(obj as LanguageList);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var language in languages)
            {
                hash.Add(language, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)languages).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => languages.GetEnumerator();

        private string[] ToArray() => languages;
    }
}
