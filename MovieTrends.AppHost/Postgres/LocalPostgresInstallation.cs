using System.Diagnostics;

namespace MovieTrends.AppHost.Postgres;

/// <summary>Finds the PostgreSQL server binaries installed on this machine.</summary>
internal static class LocalPostgresInstallation
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The folder holding <c>postgres</c> and <c>initdb</c>: the configured one, else the newest
    /// Debian/Ubuntu major version, else what <c>pg_config --bindir</c> reports; null when none has a server.
    /// </summary>
    public static string? FindBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServer(configured) ? configured : null;
        }

        return DebianBinDirectories().Append(PgConfigBinDirectory()).FirstOrDefault(HasServer);
    }

    private static IEnumerable<string?> DebianBinDirectories()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return [];
        }

        // Debian keeps one folder per major version; the newest wins.
        return Directory.EnumerateDirectories(DebianRoot)
            .Select(path => (path, version: int.TryParse(Path.GetFileName(path), out var major) ? major : -1))
            .Where(candidate => candidate.version > 0)
            .OrderByDescending(candidate => candidate.version)
            .Select(candidate => Path.Combine(candidate.path, "bin"));
    }

    private static string? PgConfigBinDirectory()
    {
        try
        {
            using var pgConfig = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (pgConfig is null)
            {
                return null;
            }

            _ = pgConfig.StandardError.ReadToEndAsync();
            var output = pgConfig.StandardOutput.ReadToEnd().Trim();
            pgConfig.WaitForExit();
            return pgConfig.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static bool HasServer(string? binDirectory) =>
        binDirectory is not null
        && File.Exists(Path.Combine(binDirectory, "postgres"))
        && File.Exists(Path.Combine(binDirectory, "initdb"));
}
