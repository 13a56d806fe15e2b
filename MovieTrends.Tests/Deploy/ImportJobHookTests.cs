using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// The azd postdeploy hook (infra/hooks/run-import-job.sh) run as azd runs it, directly, with the environment azd
/// gives hooks, against a fake Resource Manager and a stand-in for `azd auth token`: it starts the importer's job
/// at the job's API version with azd's token and waits for the execution, exiting 0 only when it succeeded and
/// otherwise failing the deployment with one line that says why.
/// </summary>
// azd runs the hook directly on Linux and macOS, as this test does.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ImportJobHookTests : IAsyncLifetime
{
    private const string Token = "token-from-azd";

    private readonly string _bin = Directory.CreateTempSubdirectory("movietrends-hook-").FullName;
    private FakeResourceManager _arm = null!;

    public async Task InitializeAsync()
    {
        _arm = await FakeResourceManager.StartAsync();
        // Stands in for azd: prints what `azd auth token --output json` prints, and records its arguments.
        var azd = Path.Combine(_bin, "azd");
        await File.WriteAllTextAsync(azd,
            $"#!/bin/sh\necho \"$*\" > '{_bin}/azd-arguments'\necho '{{\"token\": \"{Token}\", \"expiresOn\": \"2030-01-01T00:00:00Z\"}}'\n");
        File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public async Task DisposeAsync()
    {
        await _arm.DisposeAsync();
        Directory.Delete(_bin, recursive: true);
    }

    [Fact]
    public async Task Starts_the_job_with_azds_token_and_succeeds_when_the_execution_succeeds()
    {
        _arm.ThenStatuses("Running", "Running", "Succeeded");
        var result = await RunHookAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"{FakeResourceManager.ExecutionName} succeeded", result.Output, StringComparison.Ordinal);
        var apiVersion = JobApiVersion();
        var start = Assert.Single(_arm.Requests, request => request.Method == "POST");
        Assert.Equal($"/subscriptions/sub-1/resourceGroups/rg-test/providers/Microsoft.App/jobs/ingest/start?api-version={apiVersion}", start.PathAndQuery);
        Assert.Equal($"Bearer {Token}", start.Authorization);
        var polls = _arm.Requests.Where(request => request.Method == "GET").ToList();
        Assert.Equal(3, polls.Count);
        Assert.All(polls, poll => Assert.EndsWith($"/executions/{FakeResourceManager.ExecutionName}?api-version={apiVersion}", poll.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal($"auth token --output json --scope {_arm.Endpoint.ToString().TrimEnd('/')}/.default",
            (await File.ReadAllTextAsync(Path.Combine(_bin, "azd-arguments"))).Trim());
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("Stopped")]
    [InlineData("Degraded")]
    public async Task Fails_the_deployment_with_one_line_when_the_execution_does_not_succeed(string status)
    {
        _arm.ThenStatuses("Running", status);
        var result = await RunHookAsync();

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains($"{FakeResourceManager.ExecutionName} ended {status}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_with_Azures_reason_when_the_job_cannot_be_started()
    {
        _arm.StartRefusal = (403, """{"error":{"code":"AuthorizationFailed","message":"does not have authorization to perform action 'Microsoft.App/jobs/start/action'"}}""");
        var result = await RunHookAsync();

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("AuthorizationFailed", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_arm.Requests, request => request.Method == "GET");
    }

    [Fact]
    public async Task Without_the_resource_group_it_stops_with_one_line_before_calling_Azure()
    {
        var result = await RunHookAsync(resourceGroup: "");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AZURE_RESOURCE_GROUP", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(_arm.Requests);
    }

    private sealed record HookRun(int ExitCode, string Output, IReadOnlyList<string> ErrorLines);

    private async Task<HookRun> RunHookAsync(string resourceGroup = "rg-test")
    {
        var hook = Path.Combine(ContainerAppTemplate.RepositoryRoot(), "infra", "hooks", "run-import-job.sh");
        var start = new ProcessStartInfo(hook)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = $"{_bin}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["AZURE_SUBSCRIPTION_ID"] = "sub-1";
        start.Environment["AZURE_RESOURCE_GROUP"] = resourceGroup;
        start.Environment["AZURE_RESOURCE_MANAGER_ENDPOINT"] = _arm.Endpoint.ToString();
        start.Environment["IMPORT_JOB_POLL_SECONDS"] = "0.05";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        var errorText = await errors;
        return new HookRun(process.ExitCode, await output + errorText, errorText.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string JobApiVersion() =>
        JobResource().Match(ContainerAppTemplate.ForService("ingest").Text) is { Success: true } match
            ? match.Groups["version"].Value
            : throw new Xunit.Sdk.XunitException("The ingest module declares no Microsoft.App/jobs resource.");

    [GeneratedRegex(@"'Microsoft\.App/jobs@(?<version>[0-9-]+)'")]
    private static partial Regex JobResource();
}
