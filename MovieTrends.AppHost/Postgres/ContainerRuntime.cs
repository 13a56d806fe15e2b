using System.Diagnostics;

namespace MovieTrends.AppHost.Postgres;

/// <summary>Tells whether the container runtime Aspire would use actually answers.</summary>
internal static class ContainerRuntime
{
    // A client without a daemon fails fast; a hung daemon must not stall startup.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static bool IsHealthy(string runtime)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (probe is null)
            {
                return false;
            }

            // Drain both pipes so a chatty runtime never blocks on a full buffer.
            _ = probe.StandardOutput.ReadToEndAsync();
            _ = probe.StandardError.ReadToEndAsync();
            if (!probe.WaitForExit(ProbeTimeout))
            {
                probe.Kill(entireProcessTree: true);
                return false;
            }

            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The runtime's client is not installed at all.
            return false;
        }
    }
}
