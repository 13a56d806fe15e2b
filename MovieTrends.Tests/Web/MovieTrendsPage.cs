using System.Text.Json;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>The MovieTrends page as a test drives it: opening views and reading what the charts draw.</summary>
public sealed class MovieTrendsPage(BrowserSession session)
{
    public IPage Page => session.Page;

    public ILocator TrendsResult => Page.Locator("#trends-result");

    public ILocator TrendsError => Page.Locator("#trends-error");

    public ILocator TrendsFigure => Page.Locator("#trends-figure");

    public ILocator PopularityResult => Page.Locator("#popularity-result");

    public ILocator MovieDetails => Page.Locator("#movie-details");

    /// <summary>Opens the page with a query string and waits until the view shows its result (or error).</summary>
    public async Task OpenAsync(string query)
    {
        await Page.GotoAsync(session.Url("/" + query));
        var view = query.Contains("view=popularity", StringComparison.Ordinal) ? PopularityResult : TrendsResult;
        await WaitForSettledAsync(view);
    }

    public static async Task WaitForSettledAsync(ILocator result) =>
        await Expect(result).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(ready|empty|error)$"));

    /// <summary>The labels and datasets the genre-trends chart was given (published on its figure).</summary>
    public async Task<TrendsChart> TrendsChartAsync()
    {
        var json = await TrendsFigure.GetAttributeAsync("data-chart")
            ?? throw new InvalidOperationException("The genre-trends chart has no data: it was not drawn.");
        return JsonSerializer.Deserialize<TrendsChart>(json, JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// What the chart draws for any measure: a value per genre and year, null where no movie had a known value,
    /// and (for measures other than the number of movies) how many movies each value rests on.
    /// </summary>
    public async Task<MeasureChart> MeasureChartAsync(string figure = "#trends-figure")
    {
        var json = await Page.Locator(figure).GetAttributeAsync("data-chart")
            ?? throw new InvalidOperationException($"The chart in {figure} has no data: it was not drawn.");
        return JsonSerializer.Deserialize<MeasureChart>(json, JsonSerializerOptions.Web)!;
    }

    /// <summary>The bars of the popularity chart for "top" or "bottom".</summary>
    public async Task<BarsChart> BarsChartAsync(string ranking)
    {
        var json = await Page.Locator($"#{ranking}-chart").Locator("..").GetAttributeAsync("data-chart")
            ?? throw new InvalidOperationException($"The {ranking} chart has no data: it was not drawn.");
        return JsonSerializer.Deserialize<BarsChart>(json, JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// Points at a chart and waits until the chart library has replaced the painted first chart with its own
    /// (the page loads it only when someone reaches for a chart), for tests that read the library's chart.
    /// </summary>
    public async Task InteractiveChartAsync(string canvasId)
    {
        await Page.Locator($"#{canvasId}").HoverAsync();
        await Page.WaitForFunctionAsync("id => !!window.Chart?.getChart(id)", canvasId);
    }

    /// <summary>How many pixels of a canvas are not transparent: a painted chart has thousands.</summary>
    public async Task<int> PaintedPixelsAsync(string canvasId) =>
        await Page.EvaluateAsync<int>(
            "id => { const c = document.getElementById(id); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }",
            canvasId);

    /// <summary>The cells of the table view, header row first.</summary>
    public async Task<string[][]> TableAsync()
    {
        var rows = await Page.Locator("#trends-data-table tr").AllAsync();
        var table = new List<string[]>();
        foreach (var row in rows)
        {
            table.Add([.. await row.Locator("th, td").AllInnerTextsAsync()]);
        }

        return [.. table];
    }

    public Task<bool> HasHorizontalScrollAsync() =>
        Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth");
}

/// <summary>What the genre-trends chart draws; <c>GroupSize</c> is the years per bar (1 unless the range is long).</summary>
public sealed record TrendsChart(string Mode, string[] Labels, TrendsDataset[] Datasets, int GroupSize = 1);

public sealed record TrendsDataset(string Label, double[] Data);

public sealed record MeasureChart(string[] Labels, MeasureDataset[] Datasets, string? Measure = null);

public sealed record MeasureDataset(string Label, double?[] Data, int[]? Known = null);

public sealed record BarsChart(string[] Labels, double[] Data, string Color);
