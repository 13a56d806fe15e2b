using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MovieTrends.Tests.Web;

/// <summary>axe-core on the page as it is now, failing with each violation's rule, impact and elements.</summary>
public static class AxeAssert
{
    public static async Task NoViolationAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }
}
