namespace MovieTrends.Tests.Infrastructure;

/// <summary>Where tests leave files for people to look at (screenshots, reports).</summary>
public static class TestOutput
{
    public static string ScreenshotsDirectory { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;
}
