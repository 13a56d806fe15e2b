using System.Diagnostics;
using System.Reflection;

namespace MovieTrends.AppHost.Dashboard;

/// <summary>
/// Runs the importer's own command line (<c>MovieTrends.Ingest import &lt;file&gt; --connection ...</c>), the
/// program people run by hand, from the build the AppHost started it from, and relays its output line by line.
/// The connection string goes in the environment, where the program also looks, not on a command line that
/// any local user can list.
/// </summary>
internal sealed class IngestProgram(string projectPath)
{
    // The configuration this AppHost was built in is the one its projects were built in.
    private static readonly string Configuration =
        typeof(IngestProgram).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Imports the file and returns the exit code (0 success, 1 the file could not be imported).</summary>
    public async Task<int> ImportAsync(string file, string connectionString, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectPath)!,
        };
        foreach (var argument in new[]
        {
            "run", "--no-build", "--no-launch-profile", "-c", Configuration, "--project", projectPath,
            "--", "import", file,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__moviedb"] = connectionString;
        // One line per log entry reads well in the dashboard's console view.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start the importer (dotnet run).");
        process.OutputDataReceived += (_, line) => Relay(line.Data, isError: false);
        process.ErrorDataReceived += (_, line) => Relay(line.Data, isError: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The import is one transaction: killed half-way, its connection drops and PostgreSQL rolls it back.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;

        void Relay(string? line, bool isError)
        {
            if (line is not null)
            {
                onLine(line, isError);
            }
        }
    }
}
