using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Bench.Infrastructure;
using MovieTrends.Bench.Load;
using MovieTrends.Bench.Report;
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

    private Services? _running;

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
        var otherDatasets = TimeSpan.Zero;
        foreach (var file in CatalogFiles.OtherDatasets(options.RepoRoot))
        {
            otherDatasets += (await RunIngestAsync("import", file, "--connection", connectionString)).Elapsed;
        }
        await postgres.ExecuteAsync(ServiceSettings.Database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

        var report = new CatalogReport(catalog, dataFile) { Migrate = migrate.Elapsed, Import = import.Elapsed, ImportOtherDatasets = otherDatasets };

        var graphql = await StartServicesAsync(connectionString, resultCachesOn: true, report);
        report.FromNothingToHealthy = fromNothing.Elapsed;
        try
        {
            await DescribeCatalogAsync(graphql.Direct, report);
            var scenarios = Scenario.Selected(Scenario.For(report.FirstYear, report.LastYear), options.OnlyModes);
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
            // The services running now, which a failure part-way may have left other than `graphql`.
            _running?.Dispose();
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
        var repeated = scenarios.Where(scenario => scenario.Repeated).ToArray();
        if (repeated.Length > 0)
        {
            await MeasureRepeatedAsync(runner, repeated, graphql, report);
        }

        graphql.Dispose();
        graphql = await StartServicesAsync(connectionString, resultCachesOn: false, report: null);
        await LoadEveryDatasetAsync(graphql.Direct, report);
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
        if (!options.Smoke && options.OnlyModes is null)
        {
            report.Profiles.Add(await ProfileAsync(graphql.Direct, Route.Direct, changing[2], report, "Popularity with the year changing, result caches off"));
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

    /// <summary>
    /// The baseline, then the repeated scenarios with the result caches on, the proxy rows again in rounds interleaved
    /// with the baseline (the proxy target's ratio), and their profiles.
    /// </summary>
    private async Task MeasureRepeatedAsync(LoadRunner runner, IReadOnlyList<Scenario> scenarios, Services graphql, CatalogReport report)
    {
        report.BaselineResponseBytes = await ResponseSizeAsync(graphql.Direct.GraphQL, scenarios[0]);
        using (var baseline = await AppServer.StartAsync("baseline", Assembly("bench/MovieTrends.Bench.Baseline"), _ports.Baseline,
            ServiceSettings.Baseline(report.BaselineResponseBytes), workDirectory))
        {
            foreach (var connections in options.Connections)
            {
                report.Measurements.Add(await runner.MeasureAsync(scenarios[0], Route.Baseline, baseline.GraphQL, connections, true, [baseline]));
            }

            await MeasureAsync(runner, graphql, scenarios, resultCachesOn: true, report);
            // At the targets' connection count, whatever the rows' counts: a smoke run's rows (4 and 16) are not checked
            // against the targets, but its one round each keeps this code running where CI sees it.
            foreach (var scenario in scenarios)
            {
                report.InterleavedRatios.Add(await runner.MeasureInterleavedAsync(
                    scenario, graphql.Proxy.GraphQL, scenarios[0], baseline.GraphQL, Targets.Connections, options.InterleavedRounds));
            }
        }

        if (!options.Smoke)
        {
            report.Profiles.Add(await ProfileAsync(graphql.Direct, Route.Direct, scenarios[0], report, "Repeated genreTrends 2000–2010, result caches on"));
            report.Profiles.Add(await ProfileAsync(graphql.Proxy, Route.Proxy, scenarios[0], report, "Repeated genreTrends 2000–2010 through the web proxy"));
        }
    }

    /// <summary>
    /// Asks every dataset one measure question, so the service loads each dataset's movie columns before the load
    /// starts, and records the service's peak memory through that (a fresh process, so its peak since start).
    /// </summary>
    private static async Task LoadEveryDatasetAsync(AppServer graphql, CatalogReport report)
    {
        using var listing = await PostAsync(graphql.GraphQL, """{"query":"{datasets{id movieCount firstYear lastYear}}"}""");
        var datasets = new List<(string Id, int MovieCount, TimeSpan Loaded)>();
        foreach (var dataset in listing.RootElement.GetProperty("data").GetProperty("datasets").EnumerateArray())
        {
            var id = dataset.GetProperty("id").GetString()!;
            var from = dataset.GetProperty("firstYear").GetInt32();
            var to = Math.Min(dataset.GetProperty("lastYear").GetInt32(), from + 199);
            var question = $$$"""{"query":"{genreTrends(from:{{{from}}},to:{{{to}}},measure:SHARE,filter:{minVotes:0},dataset:\"{{{id}}}\"){years}}"}""";
            var loading = Stopwatch.StartNew();
            // The columns load in the background from the service's start; on a loaded machine a million movies take
            // longer than a request waits for them (503 DATA_LOADING, or TIMEOUT) and than PostAsync's few retries
            // of a 503, so ask again until they are in.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var answer = await PostAsync(graphql.GraphQL, question);
                    break;
                }
                catch (InvalidOperationException notYet) when (attempt < 30 && notYet.Message.Contains(" answered 503 ", StringComparison.Ordinal))
                {
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            }

            datasets.Add((id, dataset.GetProperty("movieCount").GetInt32(), loading.Elapsed));
        }

        report.Datasets = datasets;
        report.PeakRssEveryDatasetLoadedMiB = ProcStats.PeakRssMiB(graphql.ProcessId);
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

    /// <param name="process">The process whose CPU is sampled, and where the load goes.</param>
    /// <param name="route">The route it serves, which decides how requests are sent.</param>
    private async Task<Profile> ProfileAsync(AppServer process, Route route, Scenario scenario, CatalogReport report, string title)
    {
        if (!await PerfProfile.IsAvailableAsync())
        {
            return new Profile(title, "perf is not available on this machine (apt-get install -y linux-perf), so no CPU profile was taken.");
        }

        var duration = TimeSpan.FromSeconds(5);
        try
        {
            var text = await PerfProfile.RecordAsync(process.ProcessId, duration, Path.Combine(workDirectory, "perf.data"),
                () => wrk.RunAsync(process.GraphQL, scenario, RequestStyle.Of(route), 64, duration + TimeSpan.FromSeconds(1), report.FirstYear, report.LastYear));
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

        // The service binds the dataset, the year and the limit ($1, $2, $3); the dataset goes in as a quoted literal.
        var bound = Parameter(1).Replace(statement, $"'{report.DefaultDataset.Replace("'", "''", StringComparison.Ordinal)}'");
        bound = Parameter(3).Replace(Parameter(2).Replace(bound, ":year"), ":limit");
        var script = $"\\set year random({report.FirstYear}, {report.LastYear})\n\\set limit 5\n{bound};\n";
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
        try
        {
            await Task.WhenAll(graphqlStart, webStart);
        }
        catch
        {
            // One that started must not outlive the run and hold its port.
            foreach (var started in new[] { graphqlStart, webStart }.Where(start => start.IsCompletedSuccessfully))
            {
                started.Result.Dispose();
            }

            throw;
        }

        var services = new Services(graphqlStart.Result, webStart.Result);
        _running = services;
        if (report is not null)
        {
            report.GraphQLStartup = services.Direct.Startup;
            report.WebStartup = services.Proxy.Startup;
        }

        return services;
    }

    private async Task DescribeCatalogAsync(AppServer graphql, CatalogReport report)
    {
        using var document = await PostAsync(graphql.GraphQL, """{"query":"{catalog{movieCount undatedCount firstYear lastYear} datasets{id isDefault}}"}""");
        var catalog = document.RootElement.GetProperty("data").GetProperty("catalog");
        report.DefaultDataset = document.RootElement.GetProperty("data").GetProperty("datasets").EnumerateArray()
            .Single(dataset => dataset.GetProperty("isDefault").GetBoolean()).GetProperty("id").GetString()!;
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
        var response = await Http.PostAsync(graphql, JsonContent(body));
        // A freshly imported catalog on a loaded machine may keep the database past the service's statement timeout;
        // a 503 asks to come back after Retry-After, which a setup request does a few times before giving up.
        for (var retry = 0; retry < 5 && response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable; retry++)
        {
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
            response.Dispose();
            await Task.Delay(wait);
            response = await Http.PostAsync(graphql, JsonContent(body));
        }

        using var answered = response;
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

    /// <summary>A statement's $n and not $n0–$n9.</summary>
    private static System.Text.RegularExpressions.Regex Parameter(int number) => new($@"\${number}(?!\d)");

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
