using System.Diagnostics;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Tests.Faults;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// The importer as its Container Apps job runs it: the image's entry point with no arguments and the job's
/// settings (names read from the job's module). An execution succeeds only if the process exits 0, which the
/// deploy hook waits for, so it must migrate as the administrator, load as the catalog's owner role and exit 0;
/// run again by the next deployment, exit 0 without loading again; and exit non-zero when it cannot do its work.
/// </summary>
public sealed class ImporterJobTests
{
    private const string IngestPassword = "ingest-password-for-the-test";

    [Fact]
    public void The_job_runs_the_image_entry_point_which_is_the_one_shot_load()
    {
        var job = ContainerAppTemplate.ForService("ingest").Text;
        // No command or args: dotnet publish makes the importer the image's entry point and main process.
        Assert.DoesNotMatch(@"(?m)^\s*(command|args):", job);
        Assert.True(MovieTrends.Ingest.Hosting.IngestCommand.TryParse([], out var command, out _));
        Assert.Equal(MovieTrends.Ingest.Hosting.IngestAction.Startup, command.Action);
    }

    [Fact]
    public async Task An_execution_migrates_as_the_administrator_loads_as_the_owner_role_and_exits_0_and_the_next_loads_nothing()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var folder = Directory.CreateTempSubdirectory("movietrends-job-").FullName;
        try
        {
            var dataFile = await TinyCatalogFile.WriteAsync(folder, "movies.csv.gz",
                new TinyCatalogFile.Movie(1, "First", 18, "Drama", new DateOnly(2001, 1, 1), 10),
                new TinyCatalogFile.Movie(2, "Second", 35, "Comedy", new DateOnly(2002, 2, 2), 20));
            var administrator = postgres.ConnectionString("postgres");
            var ingest = new NpgsqlConnectionStringBuilder(administrator) { Username = CatalogRoles.Ingest, Password = IngestPassword }.ConnectionString;

            var first = await RunAsJobAsync(administrator, ingest, dataFile);
            Assert.True(first.ExitCode == 0, $"The first execution failed with {first.ExitCode}.\n{first.Output}");

            await using (var connection = new NpgsqlConnection(administrator))
            {
                await connection.OpenAsync();
                await using var movies = new NpgsqlCommand("SELECT count(*) FROM movies WHERE dataset_id = 'tmdb-5000'", connection);
                Assert.Equal(2L, await movies.ExecuteScalarAsync());
                // The rows were loaded by the owner role the migration step created, not by the administrator.
                await using var owner = new NpgsqlCommand("SELECT tableowner FROM pg_tables WHERE tablename = 'movies'", connection);
                Assert.Equal(CatalogRoles.Ingest, await owner.ExecuteScalarAsync());
            }

            var second = await RunAsJobAsync(administrator, ingest, dataFile);
            Assert.True(second.ExitCode == 0, $"The next deployment's execution failed with {second.ExitCode}.\n{second.Output}");
            await using (var connection = new NpgsqlConnection(administrator))
            {
                await connection.OpenAsync();
                await using var movies = new NpgsqlCommand("SELECT count(*) FROM movies WHERE dataset_id = 'tmdb-5000'", connection);
                Assert.Equal(2L, await movies.ExecuteScalarAsync());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_execution_that_cannot_reach_the_database_exits_1_with_one_line_saying_why()
    {
        // A port nothing listens on: the migration step's connection is refused.
        var unreachable = $"Host=127.0.0.1;Port={UnusedPort()};Username=postgres;Timeout=5";
        var result = await RunAsJobAsync(unreachable, unreachable, dataFile: null);
        Assert.True(result.ExitCode == 1, $"Exit code {result.ExitCode}.\n{result.Output}");
        Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Execution(int ExitCode, string Output, string Errors);

    /// <summary>Runs the importer with the job's command line and its settings, each secret given a local value.</summary>
    private static async Task<Execution> RunAsJobAsync(string administrator, string ingest, string? dataFile)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["connectionstrings--moviedb-admin"] = administrator,
            ["connectionstrings--moviedb-ingest"] = ingest,
            ["catalogroles--ingestpassword"] = IngestPassword,
            ["catalogroles--servicepassword"] = "service-password-for-the-test",
        };
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MovieTrends.Ingest.dll"));
        foreach (var (name, value) in ContainerAppTemplate.ForService("ingest").Environment.Where(variable => variable.Value.IsSecretReference))
        {
            Assert.True(secrets.TryGetValue(value.Value, out var secret), $"The job reads {name} from secret {value.Value}, unknown to this test.");
            start.Environment[name] = secret;
        }

        Assert.Equal(administrator, start.Environment[$"ConnectionStrings__{CatalogConnection.MigrationName}"]);
        Assert.Equal(IngestPassword, start.Environment[CatalogRolePasswords.IngestSetting.Replace(":", "__", StringComparison.Ordinal)]);
        if (dataFile is not null)
        {
            start.Environment["Ingest__DefaultDataFile"] = dataFile;
        }

        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The importer was still running after 120 s.\n{await output}\n{await errors}");
        }

        return new Execution(process.ExitCode, await output + await errors, await errors);
    }
}
