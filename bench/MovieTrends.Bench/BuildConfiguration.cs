namespace MovieTrends.Bench;

/// <summary>
/// The configuration the harness was built in (bin/&lt;configuration&gt;/net10.0); the services it starts were built
/// alongside it in the same one. Measurements use Release; the smoke check reuses the test run's Debug build.
/// </summary>
public static class BuildConfiguration
{
    public static string Current { get; } =
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
}
