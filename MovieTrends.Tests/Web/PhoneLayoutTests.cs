using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>On a 390×844 phone the chart is above the fold, the legend one row, and the chat one tap away.</summary>
[Collection("app")]
public sealed class PhoneLayoutTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Width = 390;
    private const int Height = 844;

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task The_whole_chart_and_a_one_row_legend_fit_the_first_screen()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Phone(Width, Height));
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=1990&to=2016");

        var chart = await BoxAsync(page.TrendsFigure);
        Assert.True(chart.Y + chart.Height <= Height, $"The chart ends at {chart.Y + chart.Height} px, below the {Height} px screen.");
        Assert.True(chart.Height >= 240, $"The chart is only {chart.Height} px tall.");
        var legend = page.Page.Locator("#trends-legend");
        var button = await BoxAsync(legend.Locator("button").First);
        var legendBox = await BoxAsync(legend);
        Assert.True(legendBox.Height < 2 * button.Height, $"The legend is {legendBox.Height} px tall for {button.Height} px buttons: more than one row.");
        Assert.False(await page.HasHorizontalScrollAsync(), "The page is wider than the phone's screen.");
        output.WriteLine("Screenshot: " + await SaveFirstScreenAsync(session, "trends-phone-390"));
        session.AssertClean();
    }

    [Fact]
    public async Task The_chat_button_is_on_the_first_screen_and_opens_the_panel_there()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Phone(Width, Height));
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=1990&to=2016");
        var toggle = page.Page.GetByRole(AriaRole.Button, new() { Name = "Ask about the data" });
        var input = page.Page.GetByLabel("Your question", new() { Exact = true });

        await Expect(input).ToBeHiddenAsync();
        var box = await BoxAsync(toggle);
        Assert.True(box.Y + box.Height <= Height, $"The chat button ends at {box.Y + box.Height} px, below the screen.");
        await toggle.ClickAsync();

        await Expect(input).ToBeFocusedAsync();
        var inputBox = await BoxAsync(input);
        Assert.True(inputBox.Y >= 0 && inputBox.Y + inputBox.Height <= Height, $"The question box is at {inputBox.Y} px, off the screen.");
        Assert.Equal(0, await page.Page.EvaluateAsync<double>("() => scrollY"));
        await input.PressAsync("Escape");
        await Expect(input).ToBeHiddenAsync();
        await Expect(page.Page.Locator("#chat-toggle")).ToBeFocusedAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task A_value_measure_with_a_filter_keeps_the_whole_chart_on_the_first_screen()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Phone(Width, Height));
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=1990&to=2016&genres=Action,Drama,Comedy,Horror,Animation&measure=MEDIAN_BUDGET&minVotes=100");

        var chart = await BoxAsync(page.TrendsFigure);
        Assert.True(chart.Y + chart.Height <= Height, $"The chart ends at {chart.Y + chart.Height} px, below the {Height} px screen.");
        await Expect(page.Page.Locator("#trends-mode")).ToBeHiddenAsync();
        session.AssertClean();
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not on the page.");

    private static async Task<string> SaveFirstScreenAsync(BrowserSession session, string name)
    {
        var path = Path.Combine(TestOutput.ScreenshotsDirectory, name + ".png");
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }
}
