using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Bench.Infrastructure;
using MovieTrends.Bench.Load;
using MovieTrends.Bench.Soak;

namespace MovieTrends.Bench;

/// <summary>
/// Benchmarks one catalog from nothing: a fresh PostgreSQL cluster, migrations and import through the
/// Ingest CLI, the GraphQL service and the web proxy from their Release builds, the baseline, then every
/// scenario at every connection count, first with the result caches on (repeated queries) and then off
/// (arguments changing on every request), and finally the profiles that explain the figures.
/// </summary>
public sealed class CatalogBenchmark(BenchOptions options, Wrk wrk, string workDirectory)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly ServicePorts _ports = ServicePorts.From(options.PortBase);

    public async Task<CatalogReport> RunAsync(CatalogSize catalog)
    {
        var dataFile = await CatalogFiles.ResolveAsync(options.RepoRoot, catalog);
        Console.WriteLine($"Catalog {catalog}: {dataFile.Path}");

        _ports.EnsureFree();
        var fromNothing = Stopwatch.StartNew();
        await using var postgres = await PostgresCluster.StartAsync(workDirectory, _ports.Postgres);
        await postgres.ExecuteAsync("postgres", $"CREATE DATABASE {ServiceSettings.Database}");
        var connectionString = postgres.ConnectionString(ServiceSettings.Database);

        var migrate = await RunIngestAsync("migrate", "--connection", connectionString);
        var import = await RunIngestAsync("import", dataFile.Path, "--connection", connectionString);
        Console.WriteLine($"Imported in {import.Elapsed.TotalSeconds:F1} s");
        await postgres.ExecuteAsync(ServiceSettings.Database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

        var report = new CatalogReport(catalog, dataFile) { Migrate = migrate.Elapsed, Import = import.Elapsed };

        var graphql = await StartServicesAsync(connectionString, resultCachesOn: true, report);
        report.FromNothingToHealthy = fromNothing.Elapsed;
        try
        {
            await DescribeCatalogAsync(graphql.Direct, report);
            var scenarios = Scenario.For(report.FirstYear, report.LastYear);
            var runner = new LoadRunner(wrk, postgres, options.Warmup, options.Duration, report.FirstYear, report.LastYear);
            if (catalog == CatalogSize.Tmdb5000)
            {
                report.Soak = await new SoakRunner(wrk, runner, report.FirstYear, report.LastYear)
                    .RunAsync(graphql.Direct, graphql.Proxy, options.SoakDuration);
            }

            if (!options.SoakOnly)
            {
                graphql = await MeasureEveryScenarioAsync(runner, scenarios, graphql, postgres, connectionString, report);
            }
        }
        finally
        {
            graphql.Dispose();
        }

        return report;
    }

    /// <summary>
    /// The baseline, every scenario with the result caches on, then with them off against restarted services
    /// (returned, so the caller stops them), and the profiles.
    /// </summary>
    private async Task<Services> MeasureEveryScenarioAsync(
        LoadRunner runner, IReadOnlyList<Scenario> scenarios, Services graphql, PostgresCluster postgres, string connectionString, CatalogReport report)
    {
        report.BaselineResponseBytes = await ResponseSizeAsync(graphql.Direct.GraphQL, scenarios[0]);
        using (var baseline = await AppServer.StartAsync("baseline", Assembly("bench/MovieTrends.Bench.Baseline"), _ports.Baseline,
            ServiceSettings.Baseline(report.BaselineResponseBytes), workDirectory))
        {
            foreach (var connections in options.Connections)
            {
                report.Measurements.Add(await runner.MeasureAsync(scenarios[0], Route.Baseline, baseline.GraphQL, connections, true, [baseline]));
            }
        }

        await MeasureAsync(runner, graphql, scenarios.Where(scenario => scenario.Repeated), resultCachesOn: true, report);
        if (!options.Smoke)
        {
            report.Profiles.Add(await ProfileAsync(graphql.Direct, graphql.Direct, scenarios[0], report, "Repeated genreTrends 2000–2010, result caches on"));
            report.Profiles.Add(await ProfileAsync(graphql.Proxy, graphql.Proxy, scenarios[0], report, "Repeated genreTrends 2000–2010 through the web proxy"));
        }

        graphql.Dispose();
        graphql = await StartServicesAsync(connectionString, resultCachesOn: false, report: null);
        await postgres.ExecuteAsync(ServiceSettings.Database, "SELECT pg_stat_statements_reset()");
        var changing = scenarios.Where(scenario => !scenario.Repeated).ToArray();
        await MeasureAsync(runner, graphql, changing, resultCachesOn: false, report);
        foreach (var probe in changing.Where(scenario => scenario.Mode != "genre-window"))
        {
            // One connection: the latency of a single uncached request, without queueing behind others.
            report.Measurements.Add(await runner.MeasureAsync(probe, Route.Direct, graphql.Direct.GraphQL, 1, false, [graphql.Direct]));
        }

        report.Profiles.Add(new Profile("Database statements during the uncached runs (pg_stat_statements, top 8 by total time)",
            await TopStatementsAsync(postgres)));
        if (!options.Smoke)
        {
            report.Profiles.Add(await ProfileAsync(graphql.Direct, graphql.Direct, changing[2], report, "Popularity with the year changing, result caches off"));
            report.Profiles.Add(await PopularityStatementAloneAsync(postgres, report));
            report.Profiles.Add(new Profile("Query plans of one uncached genreTrends (full range) and one popularity request (auto_explain, ANALYZE, BUFFERS)",
                await postgres.LogPlansAsync(async () =>
                {
                    await PostAsync(graphql.Direct.GraphQL, Scenario.GenreTrends("plan", report.FirstYear - 1, report.LastYear + 1).Body!);
                    await PostAsync(graphql.Direct.GraphQL, Scenario.Popularity("plan", 2009).Body!);
                })));
        }

        return graphql;
    }

    private async Task MeasureAsync(LoadRunner runner, Services services, IEnumerable<Scenario> scenarios, bool resultCachesOn, CatalogReport report)
    {
        foreach (var scenario in scenarios)
        {
            if (scenario.Body is { } body)
            {
                await PostAsync(services.Direct.GraphQL, body);
                await PostAsync(services.Proxy.GraphQL, body);
            }

            foreach (var connections in options.Connections)
            {
                report.Measurements.Add(await runner.MeasureAsync(scenario, Route.Direct, services.Direct.GraphQL, connections, resultCachesOn, [services.Direct]));
                report.Measurements.Add(await runner.MeasureAsync(scenario, Route.Proxy, services.Proxy.GraphQL, connections, resultCachesOn, [services.Direct, services.Proxy]));
            }
        }
    }

    /// <param name="process">The process whose CPU is sampled.</param>
    /// <param name="target">The service the load goes to (the same process, or the proxy in front of it).</param>
    private async Task<Profile> ProfileAsync(AppServer process, AppServer target, Scenario scenario, CatalogReport report, string title)
    {
        if (!await PerfProfile.IsAvailableAsync())
        {
            return new Profile(title, "perf is not available on this machine (apt-get install -y linux-perf), so no CPU profile was taken.");
        }

        var duration = TimeSpan.FromSeconds(5);
        try
        {
            var text = await PerfProfile.RecordAsync(process.ProcessId, duration, Path.Combine(workDirectory, "perf.data"),
                () => wrk.RunAsync(target.GraphQL, scenario, 64, duration + TimeSpan.FromSeconds(1), report.FirstYear, report.LastYear));
            return new Profile($"{title}: {process.Name} process CPU samples at 64 connections (perf, self time by symbol)", text);
        }
        catch (InvalidOperationException failure)
        {
            // A profile explains the figures; one perf could not take (another perf on a shared machine, say) must not cost the run.
            return new Profile(title, $"perf failed, so no CPU profile was taken: {failure.Message}");
        }
    }

    /// <summary>
    /// The popularity statement exactly as the service sent it (from pg_stat_statements), through pgbench:
    /// the most the database alone can answer on this machine, whatever the service in front of it does.
    /// </summary>
    private async Task<Profile> PopularityStatementAloneAsync(PostgresCluster postgres, CatalogReport report)
    {
        const string title = "PostgreSQL alone: the popularity statement through pgbench (prepared, 16 clients, 5 s)";
        var statement = (await postgres.QueryAsync(ServiceSettings.Database,
            "SELECT query FROM pg_stat_statements WHERE query LIKE '%FROM year_popularity%' ORDER BY calls DESC LIMIT 1")).FirstOrDefault()?[0];
        if (statement is null)
        {
            return new Profile(title, "pg_stat_statements recorded no popularity statement.");
        }

        var script = $"\\set year random({report.FirstYear}, {report.LastYear})\n\\set limit 5\n" +
            statement.Replace("$1", ":year", StringComparison.Ordinal).Replace("$2", ":limit", StringComparison.Ordinal) + ";\n";
        try
        {
            return new Profile(title, script + "\n" + await postgres.PgbenchAsync(ServiceSettings.Database, script, 16, TimeSpan.FromSeconds(5)));
        }
        catch (InvalidOperationException failure)
        {
            // Like a failed perf profile: reported, and the figures measured before it are kept.
            return new Profile(title, script + $"\npgbench failed: {failure.Message}");
        }
    }

    /// <summary>Starts the GraphQL service and the web proxy together, as the AppHost would, and times both to healthy.</summary>
    private async Task<Services> StartServicesAsync(string connectionString, bool resultCachesOn, CatalogReport? report)
    {
        var h2cUrl = new Uri($"http://127.0.0.1:{_ports.GraphQLH2c}");
        var graphqlStart = AppServer.StartAsync("graphql", Assembly("MovieTrends.GraphQL"), _ports.GraphQL,
            ServiceSettings.GraphQL(connectionString, resultCachesOn, h2cUrl), workDirectory);
        var webStart = AppServer.StartAsync("web", Assembly("MovieTrends.Web"), _ports.Web,
            ServiceSettings.Web(h2cUrl), workDirectory);
        var services = new Services(await graphqlStart, await webStart);
        if (report is not null)
        {
            report.GraphQLStartup = services.Direct.Startup;
            report.WebStartup = services.Proxy.Startup;
        }

        return services;
    }

    private async Task DescribeCatalogAsync(AppServer graphql, CatalogReport report)
    {
        using var document = await PostAsync(graphql.GraphQL, """{"query":"{catalog{movieCount undatedCount firstYear lastYear}}"}""");
        var catalog = document.RootElement.GetProperty("data").GetProperty("catalog");
        report.MovieCount = catalog.GetProperty("movieCount").GetInt32();
        report.UndatedCount = catalog.GetProperty("undatedCount").GetInt32();
        report.FirstYear = catalog.GetProperty("firstYear").GetInt32();
        report.LastYear = catalog.GetProperty("lastYear").GetInt32();
    }

    private static async Task<int> ResponseSizeAsync(Uri graphql, Scenario scenario)
    {
        using var response = await Http.PostAsync(graphql, JsonContent(scenario.Body!));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>Sends one request and insists on a clean answer, so a broken scenario stops the run instead of measuring errors.</summary>
    private static async Task<JsonDocument> PostAsync(Uri graphql, string body)
    {
        using var response = await Http.PostAsync(graphql, JsonContent(body));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !text.StartsWith('{'))
        {
            throw new InvalidOperationException($"{graphql} answered {(int)response.StatusCode} to {body}:\n{text}");
        }

        var document = JsonDocument.Parse(text);
        if (document.RootElement.TryGetProperty("errors", out _))
        {
            document.Dispose();
            throw new InvalidOperationException($"{graphql} answered {body} with errors:\n{text}");
        }

        return document;
    }

    private static StringContent JsonContent(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task<string> TopStatementsAsync(PostgresCluster postgres)
    {
        var rows = await postgres.QueryAsync(ServiceSettings.Database, """
            SELECT calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3), rows,
                   regexp_replace(left(query, 220), '\s+', ' ', 'g')
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 8
            """);
        return "calls | total ms | mean ms | rows | statement\n" + string.Join('\n', rows.Select(row => string.Join(" | ", row)));
    }

    private Task<CommandResult> RunIngestAsync(params string[] arguments) =>
        Command.RunAsync("dotnet", [Assembly("MovieTrends.Ingest"), .. arguments]);

    private string Assembly(string projectDirectory)
    {
        var name = Path.GetFileName(projectDirectory);
        return Path.Combine(options.RepoRoot, projectDirectory, "bin", BuildConfiguration.Current, "net10.0", $"{name}.dll");
    }

    private sealed class Services(AppServer direct, AppServer proxy) : IDisposable
    {
        public AppServer Direct { get; } = direct;

        public AppServer Proxy { get; } = proxy;

        public void Dispose()
        {
            Proxy.Dispose();
            Direct.Dispose();
        }
    }
}
