using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MovieTrends.Catalog;
using MovieTrends.Tests.Faults;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// The importer as Container Apps runs it: the template's command line, which loads the catalog and then
/// idles, holding no database connection, until Container Apps stops the replica with SIGTERM; it must then
/// exit at once and cleanly, not wait out the grace period to be killed.
/// </summary>
public sealed partial class ImporterResidentTests
{
    private const int SigTerm = 15;

    private static readonly TimeSpan ExitBudget = TimeSpan.FromSeconds(2);

    [Fact]
    public void The_importer_template_runs_the_program_itself_in_resident_mode()
    {
        var (command, args) = ContainerCommandLine();
        // No shell in between: the program is the container's main process and receives SIGTERM itself.
        Assert.Equal("/app/MovieTrends.Ingest", command);
        Assert.Equal(["resident"], args);
    }

    [Fact]
    public async Task The_resident_importer_loads_idles_without_a_connection_and_exits_0_within_2_s_of_SIGTERM()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var folder = Directory.CreateTempSubdirectory("movietrends-resident-").FullName;
        try
        {
            var dataFile = await TinyCatalogFile.WriteAsync(folder, "movies.csv.gz",
                new TinyCatalogFile.Movie(1, "First", 18, "Drama", new DateOnly(2001, 1, 1), 10),
                new TinyCatalogFile.Movie(2, "Second", 35, "Comedy", new DateOnly(2002, 2, 2), 20));
            var connectionString = postgres.ConnectionString("postgres");

            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MovieTrends.Ingest.dll"));
            foreach (var argument in ContainerCommandLine().Args)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment[$"ConnectionStrings__{CatalogConnection.Name}"] = connectionString;
            start.Environment["Ingest__DefaultDataFile"] = dataFile;
            start.Environment["Logging__Console__FormatterName"] = "simple";
            start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

            using var process = Process.Start(start)!;
            var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }

                if (line.Data?.Contains("idling until stopped", StringComparison.Ordinal) == true)
                {
                    idle.TrySetResult();
                }
            };
            var error = process.StandardError.ReadToEndAsync();
            process.BeginOutputReadLine();
            try
            {
                await idle.Task.WaitAsync(TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The importer never reached its idle wait.\n{output}\n{await error}");
            }

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                // The setting names the default dataset's file; the other datasets load their bundled files.
                await using var movies = new NpgsqlCommand("SELECT count(*) FROM movies WHERE dataset_id = 'tmdb-5000'", connection);
                Assert.Equal(2L, await movies.ExecuteScalarAsync());
                await using var others = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
                Assert.Equal(0L, await others.ExecuteScalarAsync());
            }

            var stopwatch = Stopwatch.StartNew();
            Assert.Equal(0, Kill(process.Id, SigTerm));
            using var budget = new CancellationTokenSource(ExitBudget);
            try
            {
                await process.WaitForExitAsync(budget.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The importer was still running {ExitBudget.TotalSeconds:F0} s after SIGTERM.");
            }

            stopwatch.Stop();
            Assert.True(process.ExitCode == 0, $"Exit code {process.ExitCode} after SIGTERM.\n{output}\n{await error}");
            Assert.True(stopwatch.Elapsed < ExitBudget, $"Exited {stopwatch.Elapsed.TotalSeconds:F2} s after SIGTERM.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The importer container's command and arguments in its container app template.</summary>
    private static (string Command, string[] Args) ContainerCommandLine()
    {
        var text = File.ReadAllText(ContainerAppTemplate.ForService("ingest").Path);
        var match = CommandAndArgs().Match(text);
        Assert.True(match.Success, "The ingest template must set the container's command and args as lists.");
        var command = Assert.Single(match.Groups["command"].Captures).Value.Trim();
        return (command, match.Groups["arg"].Captures.Select(capture => capture.Value.Trim()).ToArray());
    }

    // "command:" and "args:", each followed by its "- item" lines.
    [GeneratedRegex(@"\n\s*command:\s*\n(?:\s*- (?<command>.+)\n)+\s*args:\s*\n(?:\s*- (?<arg>.+)\n)+")]
    private static partial Regex CommandAndArgs();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
