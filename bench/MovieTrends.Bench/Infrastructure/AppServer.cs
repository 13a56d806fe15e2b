using System.Diagnostics;

namespace MovieTrends.Bench.Infrastructure;

/// <summary>One of the app's services (or the baseline), started from its Release build on a loopback port.</summary>
public sealed class AppServer : IDisposable
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly ManagedProcess _process;

    private AppServer(string name, Uri baseAddress, ManagedProcess process, TimeSpan startup)
    {
        Name = name;
        BaseAddress = baseAddress;
        _process = process;
        Startup = startup;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>From process start to the first 200 from /health (which checks the database where there is one).</summary>
    public TimeSpan Startup { get; }

    public Uri GraphQL => new(BaseAddress, "/graphql");

    public static async Task<AppServer> StartAsync(
        string name, string assemblyPath, int port, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new InvalidOperationException($"{assemblyPath} is missing: build bench/MovieTrends.Bench, which builds every service it starts (bench/run.sh does).");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // A Kestrel endpoint named http, not --urls: a service that declares Kestrel endpoints (the GraphQL
            // service's http and h2c) ignores --urls, and this setting moves its http endpoint instead.
            ["Kestrel__Endpoints__http__Url"] = baseAddress.ToString().TrimEnd('/'),
        };
        var stopwatch = Stopwatch.StartNew();
        // From its build output, as in a container: the content root is the working directory, and only there
        // does the service find its appsettings.json (without it every request is logged at Information).
        var process = ManagedProcess.Start(
            "dotnet",
            [assemblyPath],
            settings,
            Path.Combine(logDirectory, $"{name}.log"),
            workingDirectory: Path.GetDirectoryName(assemblyPath));
        try
        {
            await WaitUntilHealthyAsync(name, baseAddress, process);
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new AppServer(name, baseAddress, process, stopwatch.Elapsed);
    }

    public void Dispose() => _process.Dispose();

    private static async Task WaitUntilHealthyAsync(string name, Uri baseAddress, ManagedProcess process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited during startup:\n{process.LogTail()}");
            }

            try
            {
                using var response = await HealthClient.GetAsync(new Uri(baseAddress, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException($"{name} did not report healthy within 90 s:\n{process.LogTail()}");
    }
}
