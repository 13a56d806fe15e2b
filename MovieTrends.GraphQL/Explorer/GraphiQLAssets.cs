using System.Collections.Frozen;
using Microsoft.Extensions.FileProviders;

namespace MovieTrends.GraphQL.Explorer;

/// <summary>
/// GraphiQL's files, read once from wwwroot (GraphiQL and React are copied there from npm at build time)
/// and served under /graphql/explorer/, so they travel through any proxy that forwards /graphql.
/// </summary>
public sealed class GraphiQLAssets(IWebHostEnvironment environment)
{
    public const string PagePath = "explorer/index.html";

    private static readonly (string Name, string Path, string ContentType)[] Files =
    [
        ("graphiql.min.js", "lib/graphiql/graphiql.min.js", "text/javascript; charset=utf-8"),
        ("graphiql.min.css", "lib/graphiql/graphiql.min.css", "text/css; charset=utf-8"),
        ("react.production.min.js", "lib/react/react.production.min.js", "text/javascript; charset=utf-8"),
        ("react-dom.production.min.js", "lib/react-dom/react-dom.production.min.js", "text/javascript; charset=utf-8"),
        ("explorer.js", "explorer/explorer.js", "text/javascript; charset=utf-8"),
        ("explorer.css", "explorer/explorer.css", "text/css; charset=utf-8"),
    ];

    private readonly Lazy<FrozenDictionary<string, ExplorerFile>> _files = new(() => Files.ToFrozenDictionary(
        file => file.Name,
        file => new ExplorerFile(Read(environment.WebRootFileProvider, file.Path), file.ContentType)));

    private readonly Lazy<byte[]> _page = new(() => Read(environment.WebRootFileProvider, PagePath));

    public byte[] Page => _page.Value;

    public ExplorerFile? Find(string name) => _files.Value.GetValueOrDefault(name);

    private static byte[] Read(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException(
                $"The explorer file wwwroot/{path} is missing; build the project with Node.js installed so npm can vendor it.", path);
        }

        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

public sealed record ExplorerFile(byte[] Content, string ContentType);
