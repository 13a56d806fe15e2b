using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MovieTrends.AppHost.Postgres;

/// <summary>
/// A PostgreSQL data folder on this machine and the installed binaries that serve it.
/// When the AppHost runs as root, every server binary runs as the <c>postgres</c> user,
/// because PostgreSQL refuses to run as root.
/// </summary>
public sealed class LocalPostgresCluster(string binDirectory, string dataDirectory)
{
    private const string ServiceUser = "postgres";

    // A unix socket path must fit in sockaddr_un (107 bytes) including ".s.PGSQL.<port>".
    private const int MaxSocketDirectoryLength = 107 - 16;

    public string BinDirectory { get; } = binDirectory;

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    /// <summary>
    /// Where the server puts its unix socket: inside the data folder when the path is short enough.
    /// Only the server's own user (and root) may connect through it, so it can trust local connections.
    /// </summary>
    public string SocketDirectory => DataDirectory.Length <= MaxSocketDirectoryLength ? DataDirectory : Path.GetTempPath().TrimEnd('/');

    private static bool RunsAsServiceUser => Environment.IsPrivilegedProcess;

    /// <summary>The command and arguments that run the server in the foreground.</summary>
    public (string Command, string[] Arguments) ServerCommandLine() => AsServiceUser(
        Path.Combine(BinDirectory, "postgres"),
        "-D", DataDirectory,
        // TCP only on loopback; the port comes from PGPORT, allocated by the AppHost.
        "-c", "listen_addresses=127.0.0.1",
        "-c", $"unix_socket_directories={SocketDirectory}",
        "-c", "unix_socket_permissions=0700");

    /// <summary>
    /// Makes the data folder ready to serve: creates and initializes it on first use, and stops a
    /// server a previous, abruptly ended run may have left behind on it.
    /// </summary>
    public async Task PrepareAsync(string superuserPassword, ILogger logger, CancellationToken cancellationToken)
    {
        await EnsureDataDirectoryAsync(logger, cancellationToken);
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await StopLeftoverServerAsync(logger, cancellationToken);
            return;
        }

        logger.LogInformation("Initializing a new PostgreSQL cluster in {DataDirectory}", DataDirectory);
        var passwordFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(passwordFile, superuserPassword, cancellationToken);
            await GiveToServiceUserAsync(passwordFile, logger, cancellationToken);
            await RunAsync(logger, cancellationToken,
                Path.Combine(BinDirectory, "initdb"),
                "-D", DataDirectory,
                "--username", ServiceUser,
                "--pwfile", passwordFile,
                "--encoding", "UTF8",
                "--no-locale",
                "--auth-local", "trust",
                "--auth-host", "scram-sha-256");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// A connection string over the unix socket, as the superuser, once the server reports it is ready;
    /// null before that. The socket needs no password, so it works even when the password changed.
    /// </summary>
    public string? ReadySocketConnectionString(string database)
    {
        // postmaster.pid lines: pid, data folder, start time, port, socket folder, listen address, shared memory key, status.
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return null;
        }

        if (lines.Length < 8 || lines[7].Trim() != "ready")
        {
            return null;
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = lines[4].Trim(),
            Port = int.Parse(lines[3].Trim(), System.Globalization.CultureInfo.InvariantCulture),
            Username = ServiceUser,
            Database = database,
            Pooling = false,
        }.ConnectionString;
    }

    private async Task EnsureDataDirectoryAsync(ILogger logger, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(DataDirectory))
        {
            // initdb narrows the folder's permissions to its owner.
            Directory.CreateDirectory(DataDirectory);
            await GiveToServiceUserAsync(DataDirectory, logger, cancellationToken);
        }

        if (RunsAsServiceUser && await CommandRunner.RunAsync("runuser", ["-u", ServiceUser, "--", "test", "-w", DataDirectory], logger, cancellationToken) != 0)
        {
            throw new DistributedApplicationException(
                $"The '{ServiceUser}' user cannot write to {DataDirectory}: let it traverse the parent folders (chmod o+x) or set Postgres:DataDirectory to a folder it can reach.");
        }
    }

    private async Task StopLeftoverServerAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !IsRunning(pid))
        {
            return;
        }

        logger.LogWarning("Stopping the server (pid {Pid}) an earlier run left on {DataDirectory}", pid, DataDirectory);
        await RunAsync(logger, cancellationToken, Path.Combine(BinDirectory, "pg_ctl"), "stop", "-D", DataDirectory, "-m", "fast", "-w");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task GiveToServiceUserAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        if (RunsAsServiceUser)
        {
            await CommandRunner.RunCheckedAsync("chown", [$"{ServiceUser}:{ServiceUser}", path], logger, cancellationToken);
        }
    }

    private static Task RunAsync(ILogger logger, CancellationToken cancellationToken, string binary, params string[] arguments)
    {
        var (command, commandArguments) = AsServiceUser(binary, arguments);
        return CommandRunner.RunCheckedAsync(command, commandArguments, logger, cancellationToken);
    }

    private static (string Command, string[] Arguments) AsServiceUser(string binary, params string[] arguments) =>
        RunsAsServiceUser
            ? ("runuser", ["-u", ServiceUser, "--", binary, .. arguments])
            : (binary, arguments);
}
