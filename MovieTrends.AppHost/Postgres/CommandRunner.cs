using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MovieTrends.AppHost.Postgres;

/// <summary>Runs a short-lived tool to completion, sending its output to a resource's log.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(string command, IEnumerable<string> arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{command}'.");
        var output = ForwardAsync(process.StandardOutput, line => logger.LogInformation("{Line}", line));
        var errors = ForwardAsync(process.StandardError, line => logger.LogWarning("{Line}", line));
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, errors);
        return process.ExitCode;
    }

    public static async Task RunCheckedAsync(string command, IEnumerable<string> arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var argumentList = arguments.ToList();
        var exitCode = await RunAsync(command, argumentList, logger, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', argumentList)}' failed with exit code {exitCode}; its output is in the resource log.");
        }
    }

    private static async Task ForwardAsync(StreamReader reader, Action<string> log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            log(line);
        }
    }
}
