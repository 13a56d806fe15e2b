using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>
/// A downloaded CSV or PNG says in its name which dataset and filter its numbers are of, beside the range and the
/// measure: a CSV's cells alone would not tell a filtered median from the whole catalog's.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DownloadNameTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_filtered_measure_of_another_dataset_is_downloaded_under_a_name_with_the_dataset_and_the_filter()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama,Horror&dataset=tmdb-movies&measure=MEDIAN_ROI&minVotes=1000");

        var csv = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal("genre-trends-2000-2010-median-roi-tmdb-movies-1000-votes.csv", csv.SuggestedFilename);
        var png = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download PNG" }).ClickAsync());
        Assert.Equal("genre-trends-2000-2010-median-roi-tmdb-movies-1000-votes.png", png.SuggestedFilename);
        session.AssertClean();
    }
}
