namespace MovieTrends.Tests.Web;

/// <summary>
/// For tests that read a downloaded PNG pixel by pixel: a script function, <c>decodePng(base64)</c>, that decodes it
/// in the page and gives its width, height, RGBA pixels and background colour (the top-left pixel's).
/// </summary>
internal static class PngInPage
{
    /// <summary>Wraps <paramref name="body"/> (which may await <c>decodePng</c>) in a function of <paramref name="parameter"/>.</summary>
    public static string Script(string parameter, string body) => $$"""
        async ({{parameter}}) => {
          const decodePng = async (png) => {
            const image = new Image();
            image.src = 'data:image/png;base64,' + png;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext('2d');
            context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, image.width, image.height).data;
            return { width: image.width, height: image.height, pixels, background: [...pixels.slice(0, 3)] };
          };
        {{body}}
        }
        """;
}
