using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MovieTrends.Catalog.Migrations;

/// <summary>One versioned SQL script shipped inside the assembly, e.g. <c>Migrations/0002_chat.sql</c>.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Migrations/";

    // Contract values a script names as {placeholder}: C# defines each once, and a script that needs one
    // (0003 ranks the catalog already loaded, 0006 names the roles) gets the value every import uses.
    private static readonly Dictionary<string, string> Placeholders = new()
    {
        ["{popularity_ranking_depth}"] = PopularityRanking.Depth.ToString(CultureInfo.InvariantCulture),
        ["{ingest_role}"] = CatalogRoles.Ingest,
        ["{service_role}"] = CatalogRoles.Service,
        // A LIKE pattern: the prefix's underscore taken literally.
        ["{service_writable_pattern}"] = CatalogRoles.ServiceWritablePrefix.Replace("_", "\\_", StringComparison.Ordinal) + "%",
    };

    /// <summary>Every embedded migration, in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded() => Load(typeof(Migration).Assembly);

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration file '{fileName}' must be named <version>_<name>.sql, e.g. 0002_chat.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, Substitute(reader.ReadToEnd())));
        }

        var clash = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", clash.Select(m => m.Name))} share version {clash.Key}; give each file its own number.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    private static string Substitute(string sql)
    {
        foreach (var (placeholder, value) in Placeholders)
        {
            sql = sql.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return sql;
    }

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>[A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
