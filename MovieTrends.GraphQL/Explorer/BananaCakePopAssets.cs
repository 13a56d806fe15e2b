using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace MovieTrends.GraphQL.Explorer;

/// <summary>
/// Banana Cake Pop's static build (copied from npm into wwwroot/lib/bananacakepop at build time), read once
/// and served under /graphql/ by the file's path inside the package, e.g. <c>static/js/main.0349187e.js</c>.
/// </summary>
public sealed class BananaCakePopAssets(IWebHostEnvironment environment)
{
    public const string Folder = "lib/bananacakepop";

    // The page lives at /graphql while the IDE names its files relative to its own folder ("static/js/..."):
    // a relative base makes them resolve under /graphql/ on the service and behind any proxy that keeps the path.
    // The ChilliCream License asks for a prominent notice on modified copies, hence the comment.
    private const string BaseElement =
        "<head><!-- Modified for MovieTrends: <base> added so the IDE's files resolve under /graphql/. --><base href=\"graphql/\">";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new()
    {
        Mappings = { [".webmanifest"] = "application/manifest+json" },
    };

    private readonly Lazy<FrozenDictionary<string, ExplorerFile>> _files = new(() => ReadAll(environment.WebRootFileProvider));

    /// <summary>The IDE's index.html, pointed at /graphql/ by a base element.</summary>
    public byte[] Page => _files.Value["index.html"].Content;

    public ExplorerFile? Find(string path) =>
        path != "index.html" && _files.Value.TryGetValue(path, out var file) ? file : null;

    private static FrozenDictionary<string, ExplorerFile> ReadAll(IFileProvider files)
    {
        var found = new Dictionary<string, ExplorerFile>(StringComparer.Ordinal);
        Collect(files, Folder, "", found);
        if (!found.TryGetValue("index.html", out var index))
        {
            throw new FileNotFoundException(
                $"Banana Cake Pop is missing from wwwroot/{Folder}; build the project with Node.js installed so npm can vendor it.",
                Folder + "/index.html");
        }

        found["index.html"] = index with { Content = WithBase(index.Content) };
        found["bcp-config.json"] = new ExplorerFile(BananaCakePopConfig.Json, "application/json");
        return found.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Collect(IFileProvider files, string folder, string prefix, Dictionary<string, ExplorerFile> found)
    {
        foreach (var entry in files.GetDirectoryContents(folder))
        {
            if (entry.IsDirectory)
            {
                Collect(files, $"{folder}/{entry.Name}", $"{prefix}{entry.Name}/", found);
                continue;
            }

            using var stream = entry.CreateReadStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            found[prefix + entry.Name] = new ExplorerFile(copy.ToArray(), ContentTypeOf(entry.Name));
        }
    }

    private static string ContentTypeOf(string name) =>
        name == "LICENSE" || name.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain; charset=utf-8"
        : ContentTypes.TryGetContentType(name, out var type) ? type
        : "application/octet-stream";

    private static byte[] WithBase(byte[] page)
    {
        var html = Encoding.UTF8.GetString(page);
        if (!html.Contains("<head>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Banana Cake Pop's index.html has no <head>; check the vendored package.");
        }

        return Encoding.UTF8.GetBytes(html.Replace("<head>", BaseElement, StringComparison.Ordinal));
    }
}
