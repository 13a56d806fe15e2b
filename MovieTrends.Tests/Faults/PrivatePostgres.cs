using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own, in a temporary folder on a free port, that the test may kill,
/// freeze and bring back: nothing else uses it, so breaking it disturbs no other test.
/// Runs as the <c>postgres</c> user when the tests run as root, because the server refuses root.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private static readonly string BinDirectory =
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault()
        ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql.");

    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string directory, int port)
    {
        _directory = directory;
        _port = port;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = ServiceUser, Database = database }.ConnectionString;

    public static async Task<PrivatePostgres> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("movietrends-faults-").FullName;
        if (RunsAsRoot)
        {
            await RunAsync("chown", ServiceUser, directory);
        }

        var cluster = new PrivatePostgres(directory, FreePort());
        await cluster.RunServerToolAsync("initdb", "-D", cluster.DataDirectory, "-A", "trust", "-U", ServiceUser,
            "-E", "UTF8", "--locale=C", "--no-sync");
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Starts the server again on the same port and folder, and returns once it accepts connections.</summary>
    public Task StartServerAsync() =>
        RunServerToolAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "postgres.log"), "-w", "-o",
            $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Kills the server the way a crash or an OOM kill does: no shutdown, connections just drop.</summary>
    public Task KillAsync() => RunServerToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    /// <summary>Freezes the postmaster and every backend: connections stay open and nothing answers.</summary>
    public Task FreezeAsync() => SignalAsync(Signals.Stop);

    public Task ThawAsync() => SignalAsync(Signals.Continue);

    private Task SignalAsync(int signal)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        // The postmaster first, so that it forks no backend the signal would miss. A backend that ended since it
        // was listed is simply gone.
        Signals.Send(postmaster, signal);
        foreach (var backend in ChildrenOf(postmaster))
        {
            Signals.Send(backend, signal);
        }

        return Task.CompletedTask;
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return children;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would outlive the server.
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // A frozen server cannot stop.
            await ThawAsync();
            await RunServerToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task RunServerToolAsync(string tool, params string[] arguments) =>
        RunsAsRoot
            ? RunAsync("runuser", ["-u", ServiceUser, "--", Path.Combine(BinDirectory, tool), .. arguments])
            : RunAsync(Path.Combine(BinDirectory, tool), arguments);

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(command)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }

    /// <summary>The two job-control signals, sent straight to a process (root may signal the server's user).</summary>
    private static class Signals
    {
        public const int Continue = 18;
        public const int Stop = 19;

        public static void Send(int pid, int signal)
        {
            // ESRCH (3): the process has ended, which is what a frozen or thawed process may not do but a listed one may have.
            if (Kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() != 3)
            {
                throw new InvalidOperationException($"Could not send signal {signal} to process {pid}: error {Marshal.GetLastPInvokeError()}.");
            }
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}
