using System.Text.RegularExpressions;

namespace MovieTrends.Tests.Catalog;

/// <summary>
/// Each name and limit of the database contract is written once in the product code, in MovieTrends.Catalog;
/// everything else (AppHost, API, importer, web, benchmark, migrations) refers to it.
/// </summary>
public sealed class ContractDefinedOnceTests
{
    private static readonly string[] ProductFolders =
    [
        "MovieTrends.AppHost", "MovieTrends.Catalog", "MovieTrends.GraphQL", "MovieTrends.Ingest",
        "MovieTrends.ServiceDefaults", "MovieTrends.Web", "bench",
    ];

    private static readonly string[] SourceExtensions = [".cs", ".sql", ".js"];

    // Build output (the page's bundled modules among it), installed packages and vendored third-party files
    // are not the project's code.
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "lib", "bundle", "results"];

    [Theory]
    [InlineData("\"moviedb\"", "MovieTrends.Catalog/CatalogConnection.cs")]
    [InlineData("catalog_changed", "MovieTrends.Catalog/CatalogChannel.cs")]
    [InlineData("movietrends_ingest", "MovieTrends.Catalog/CatalogRoles.cs")]
    [InlineData("movietrends_graphql", "MovieTrends.Catalog/CatalogRoles.cs")]
    [InlineData(@"\b1800\b", "MovieTrends.Catalog/CatalogLimits.cs")]
    [InlineData(@"\b2100\b", "MovieTrends.Catalog/CatalogLimits.cs")]
    public void A_contract_value_is_written_once(string pattern, string definedIn)
    {
        var regex = new Regex(pattern);
        var found = ProductSources()
            .SelectMany(file => File.ReadLines(file.Path).Where(line => regex.IsMatch(line)).Select(line => $"{file.Relative}: {line.Trim()}"))
            .ToList();

        var definition = Assert.Single(found);
        Assert.StartsWith(definedIn + ":", definition);
    }

    private static IEnumerable<(string Path, string Relative)> ProductSources()
    {
        var root = RepositoryRoot();
        return ProductFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(path => SourceExtensions.Contains(Path.GetExtension(path)))
            .Select(path => (path, Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Where(file => !file.Item2.Split('/').Any(SkippedFolders.Contains));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MovieTrends.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (MovieTrends.slnx) is not above the test assembly.");
    }
}
