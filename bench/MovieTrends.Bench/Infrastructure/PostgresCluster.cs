using Npgsql;

namespace MovieTrends.Bench.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster in a temporary folder, on a port of the benchmark's own range, removed on
/// dispose. pg_stat_statements and auto_explain are preloaded so the run can say where database time goes;
/// auto_explain stays off (no per-query cost) until <see cref="LogPlansAsync"/> turns it on.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>The newest PostgreSQL server installed from the distribution's packages.</summary>
    public static string BinDirectory { get; } =
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault() ?? "/usr/lib/postgresql/15/bin";
    private const string ServiceUser = "postgres";

    private readonly string _directory;
    private readonly int _port;

    private PostgresCluster(string directory, int port)
    {
        _directory = directory;
        _port = port;
    }

    public string LogPath => Path.Combine(_directory, "postgres.log");

    private string DataDirectory => Path.Combine(_directory, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database}";

    public static async Task<PostgresCluster> StartAsync(string workDirectory, int port)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql: apt-get install -y postgresql.");
        }

        var directory = Path.Combine(workDirectory, "postgres");
        Directory.CreateDirectory(directory);
        if (Environment.UserName == "root")
        {
            // The server refuses to run as root; its folder must belong to the account it runs as.
            await Command.RunAsync("chown", [ServiceUser, directory]);
        }

        var cluster = new PostgresCluster(directory, port);
        await cluster.RunServerToolAsync("initdb", "-D", cluster.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
        await cluster.RunServerToolAsync("pg_ctl", "-D", cluster.DataDirectory, "-l", cluster.LogPath, "-w", "-o",
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 " +
            // auto_explain stays at its default (off): a -c setting here would outrank ALTER SYSTEM when plans are wanted.
            "-c shared_preload_libraries=pg_stat_statements,auto_explain",
            "start");
        return cluster;
    }

    /// <summary>The postmaster and its backends, for CPU accounting.</summary>
    public IReadOnlyList<int> ProcessIds() =>
        ProcStats.WithChildren(int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First()));

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<string[]>> QueryAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(index => Convert.ToString(reader.GetValue(index), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        }

        return rows;
    }

    /// <summary>
    /// Logs the plan, with actual timings and buffers, of every statement run while <paramref name="action"/>
    /// runs, and returns that part of the server log.
    /// </summary>
    public async Task<string> LogPlansAsync(Func<Task> action)
    {
        await SetPlanLoggingAsync(on: true);
        var logLength = new FileInfo(LogPath).Length;
        try
        {
            await action();
        }
        finally
        {
            await SetPlanLoggingAsync(on: false);
        }

        await using var log = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        log.Seek(logLength, SeekOrigin.Begin);
        return await new StreamReader(log).ReadToEndAsync();
    }

    /// <summary>
    /// Runs a pgbench script (prepared statements, <paramref name="clients"/> connections): how often the server
    /// alone answers it on this machine, with no client work but pgbench's. Returns pgbench's summary lines.
    /// </summary>
    public async Task<string> PgbenchAsync(string database, string script, int clients, TimeSpan duration)
    {
        var scriptPath = Path.Combine(_directory, "pgbench.sql");
        await File.WriteAllTextAsync(scriptPath, script);
        var result = await RunServerToolAsync("pgbench",
            "-h", "127.0.0.1", "-p", $"{_port}", "-U", "postgres", "-n", "-M", "prepared",
            "-c", $"{clients}", "-j", $"{Math.Min(clients, Environment.ProcessorCount)}", "-T", $"{(int)duration.TotalSeconds}",
            "-f", scriptPath, database);
        return string.Join('\n', result.Output.Split('\n').Where(line => line.StartsWith("latency", StringComparison.Ordinal)
            || line.StartsWith("tps", StringComparison.Ordinal) || line.StartsWith("number of clients", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would outlive the server, and a later cluster on the same port would get them.
        NpgsqlConnection.ClearAllPools();
        await RunServerToolAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");
        Directory.Delete(_directory, recursive: true);
    }

    private async Task SetPlanLoggingAsync(bool on)
    {
        await ExecuteAsync("postgres", $"ALTER SYSTEM SET auto_explain.log_min_duration = {(on ? 0 : -1)}");
        await ExecuteAsync("postgres", $"ALTER SYSTEM SET auto_explain.log_analyze = {(on ? "on" : "off")}");
        await ExecuteAsync("postgres", $"ALTER SYSTEM SET auto_explain.log_buffers = {(on ? "on" : "off")}");
        await ExecuteAsync("postgres", "SELECT pg_reload_conf()");
        // The reload reaches each backend at its next command; give the signal a moment to land.
        await Task.Delay(200);
    }

    private Task<CommandResult> RunServerToolAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? Command.RunAsync("runuser", ["-u", ServiceUser, "--", Path.Combine(BinDirectory, tool), .. arguments])
            : Command.RunAsync(Path.Combine(BinDirectory, tool), arguments);
}
