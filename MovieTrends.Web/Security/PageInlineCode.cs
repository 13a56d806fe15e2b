using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace MovieTrends.Web.Security;

/// <summary>
/// The Content-Security-Policy sources, <c>'sha256-…'</c>, of the code the build writes into the page
/// (build/bundle-page.mjs): the boot script and the stylesheet. The policy allows exactly that inline code and no
/// other. Read from the page the server serves, so the policy and the page cannot disagree.
/// </summary>
public sealed partial record PageInlineCode(IReadOnlyList<string> ScriptSources, IReadOnlyList<string> StyleSources)
{
    public const string PagePath = "index.html";

    /// <summary>Nothing inline: the policy of a server with no page to serve.</summary>
    public static PageInlineCode None { get; } = new([], []);

    /// <summary>The page's inline code, or null when the web root has no page (a proxy-only start).</summary>
    public static PageInlineCode? ReadFrom(IFileProvider webRoot)
    {
        var page = webRoot.GetFileInfo(PagePath);
        if (!page.Exists)
        {
            return null;
        }

        using var reader = new StreamReader(page.CreateReadStream(), Encoding.UTF8);
        return Of(reader.ReadToEnd());
    }

    public static PageInlineCode Of(string html) => new(HashesOf(InlineScript(), html), HashesOf(InlineStyle(), html));

    /// <summary>One source per element, over its text exactly as the browser hashes it (UTF-8).</summary>
    private static string[] HashesOf(Regex element, string html) =>
        [.. element.Matches(html).Select(match =>
            $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["code"].Value)))}'")];

    // The build writes bare elements; every other script names its file in src, and styles come from nowhere else.
    [GeneratedRegex("<script>(?<code>.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(?<code>.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineStyle();
}
