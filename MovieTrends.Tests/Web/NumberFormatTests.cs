using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The page writes numbers without Intl (js/number-format.js), so that its first screen does not load locale
/// data; it must write exactly what Intl.NumberFormat('en') writes, checked in the browser against Intl itself.
/// </summary>
[Collection("app")]
public sealed class NumberFormatTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task Numbers_read_as_Intl_writes_them()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        // The app's own page, for its origin: a bare file (an image, a script) would have the browser ask for
        // /favicon.ico, whose 404 is a console error.
        await new MovieTrendsPage(session).OpenAsync("?view=trends");

        var mismatches = await session.Page.EvaluateAsync<string[]>("""
            async () => {
              const { formatNumber, formatSignificant } = await import('/js/number-format.js');
              const whole = new Intl.NumberFormat('en');
              const two = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
              const significant = new Intl.NumberFormat('en', { maximumSignificantDigits: 2 });
              // Ties that binary rounding gets wrong, popularity's extremes, counts, and a spread of random values.
              const values = [0, 1, 999, 1000, 4658, 1234567, 0.5, 1.005, 2.675, 0.995, 9.995, 99.995, 0.0059, 0.00587,
                0.006, 0.065, 0.125, 167.58, 113.855, 0.000372, 6.75e-7, 4.05e-8, 0.1 + 0.2];
              let seed = 7;
              const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
              for (let i = 0; i < 5000; i++) values.push(Number((random() * 10 ** Math.floor(random() * 12 - 6)).toPrecision(1 + Math.floor(random() * 6))));
              const wrong = [];
              for (const v of values) {
                if (formatNumber(v) !== whole.format(v)) wrong.push(`${v}: ${formatNumber(v)} vs ${whole.format(v)}`);
                if (formatNumber(v, 2) !== two.format(v)) wrong.push(`${v} (2 decimals): ${formatNumber(v, 2)} vs ${two.format(v)}`);
                if (formatSignificant(v, 2) !== significant.format(v)) wrong.push(`${v} (2 digits): ${formatSignificant(v, 2)} vs ${significant.format(v)}`);
              }
              return wrong;
            }
            """);

        Assert.Empty(mismatches);
        session.AssertClean();
    }
}
