using System.Diagnostics;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// The importer's command line, run as its own process from the build output: what an operator types,
/// with the exit code and both output streams.
/// </summary>
public static class IngestProcess
{
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed);

    public static Task<Result> ImportAsync(string path, string connectionString, TimeSpan budget) =>
        RunAsync(["import", path, "--connection", connectionString], budget);

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, TimeSpan budget)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Prepend(Path.Combine(AppContext.BaseDirectory, "MovieTrends.Ingest.dll")))
        {
            start.ArgumentList.Add(argument);
        }

        // Plain console lines, so what an operator reads is what the test reads.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(budget);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The import ran past its {budget.TotalSeconds:F0} s budget.");
        }

        stopwatch.Stop();
        return new Result(process.ExitCode, await output, await error, stopwatch.Elapsed);
    }
}
