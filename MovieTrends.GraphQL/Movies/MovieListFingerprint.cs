using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.GraphQL.Movies;

/// <summary>
/// A short hash of the arguments that make a drill-down list (dataset, range, genre, filter, order), written into
/// its cursors so a cursor is only read by the list it came from. Computed from resolved, normalized arguments, so
/// the same list written differently (genre or languages in another case or order) has the same fingerprint; the
/// page size is left out because a client may change it between pages.
/// </summary>
public static class MovieListFingerprint
{
    /// <param name="dataset">The resolved dataset id.</param>
    /// <param name="genre">The resolved genre name, or null for every movie.</param>
    /// <param name="filter">The filter as <see cref="MovieFilter.Normalized"/> gives it.</param>
    public static uint Of(string dataset, int from, int to, string? genre, MovieFilter filter, MovieOrder order)
    {
        var text = string.Join('\n',
            dataset,
            from.ToString(CultureInfo.InvariantCulture),
            to.ToString(CultureInfo.InvariantCulture),
            genre ?? "",
            filter.Languages is null ? "-" : string.Join(',', filter.Languages),
            filter.MinVotes?.ToString(CultureInfo.InvariantCulture) ?? "-",
            filter.MinRating?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
            filter.ReleasedOnly?.ToString(CultureInfo.InvariantCulture) ?? "-",
            ((int)order).ToString(CultureInfo.InvariantCulture));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
