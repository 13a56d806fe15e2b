using Microsoft.Playwright;

namespace MovieTrends.Tests.Web;

/// <summary>How the browser tests look at the page: a desktop window, unless a test asks for a phone.</summary>
internal static class WebPageContext
{
    public static BrowserNewContextOptions Desktop(ColorScheme scheme = ColorScheme.Light) => new()
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        ColorScheme = scheme,
        Locale = "en-US",
        AcceptDownloads = true,
    };

    public static BrowserNewContextOptions Phone(int width = 360, int height = 740, ColorScheme scheme = ColorScheme.Light) => new()
    {
        ViewportSize = new ViewportSize { Width = width, Height = height },
        ColorScheme = scheme,
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "en-US",
    };
}
