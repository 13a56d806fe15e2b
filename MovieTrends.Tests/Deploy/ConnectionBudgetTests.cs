using System.Text.RegularExpressions;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// The deployment's PostgreSQL connection budget, from the files azd deploys: every process that connects may
/// fill its pool (Maximum Pool Size of the connection string Bicep writes to Key Vault), at its maximum replica
/// count, plus the minimum replicas of a new revision starting while the old one still runs (Container Apps
/// starts the new revision before it stops the old), plus a reserve, must fit in the server's user connections.
/// A job has no revisions: its replicas are the ones one execution runs at once (its parallelism).
/// </summary>
public sealed partial class ConnectionBudgetTests
{
    /// <summary>The apps that connect to the database; web only talks to graphql.</summary>
    private static readonly string[] DatabaseClients = ["graphql", "ingest"];

    /// <summary>
    /// Left free for the short-lived connections Npgsql opens to cancel a timed-out command (one per
    /// cancellation, outside the pool) and for an operator's psql session.
    /// </summary>
    private const int Reserve = 5;

    /// <summary>
    /// Maximum user connections per compute size: the server's max_connections less the 15 Azure keeps for
    /// itself (Azure Database for PostgreSQL flexible server, "Limits", default max_connections).
    /// </summary>
    private static readonly Dictionary<string, int> UserConnections = new(StringComparer.Ordinal)
    {
        ["Standard_B1ms"] = 35,
        ["Standard_B2s"] = 414,
        ["Standard_B2ms"] = 844,
        ["Standard_D2ds_v5"] = 844,
        ["Standard_D4ds_v5"] = 1703,
    };

    [Fact]
    public void Every_pool_at_maximum_scale_during_a_revision_change_fits_the_server_with_a_reserve()
    {
        var root = ContainerAppTemplate.RepositoryRoot();
        var resources = File.ReadAllText(Path.Combine(root, "infra", "resources.bicep"));
        var poolSize = int.Parse(PoolSizeVariable().Match(resources) is { Success: true } pool
            ? pool.Groups["size"].Value
            : throw new Xunit.Sdk.XunitException("infra/resources.bicep must set var moviedbMaxPoolSize."), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Maximum Pool Size=${moviedbMaxPoolSize}", resources, StringComparison.Ordinal);

        var postgres = File.ReadAllText(Path.Combine(root, "infra", "modules", "postgres.bicep"));
        var sku = SkuParameter().Match(postgres).Groups["sku"].Value;
        Assert.True(UserConnections.TryGetValue(sku, out var limit),
            $"No connection limit known for {sku}: add its maximum user connections to this test.");

        var lines = new List<string>();
        var total = Reserve;
        foreach (var service in DatabaseClients)
        {
            var template = ContainerAppTemplate.ForService(service);
            if (template.IsJob)
            {
                var parallelism = Parallelism(template.Text);
                lines.Add($"{service} (job): {parallelism} replicas at once x {poolSize} = {parallelism * poolSize}");
                total += parallelism * poolSize;
                continue;
            }

            var (min, max) = Scale(template.Text);
            var connections = (max + min) * poolSize;
            lines.Add($"{service}: ({max} replicas + {min} of a new revision) x {poolSize} = {connections}");
            total += connections;
        }

        lines.Add($"reserve: {Reserve}");
        Assert.True(total <= limit,
            $"The apps may open {total} connections, more than the {limit} user connections of {sku}:\n{string.Join('\n', lines)}");
    }

    private static (int Min, int Max) Scale(string template)
    {
        var match = ScaleBlock().Match(template);
        Assert.True(match.Success, "A template must set scale.minReplicas and scale.maxReplicas.");
        return (int.Parse(match.Groups["min"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups["max"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int Parallelism(string module)
    {
        var match = ParallelismSetting().Match(module);
        Assert.True(match.Success, "A job must set manualTriggerConfig.parallelism.");
        return int.Parse(match.Groups["parallelism"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\n\s*parallelism: (?<parallelism>\d+)\s*\n")]
    private static partial Regex ParallelismSetting();

    [GeneratedRegex(@"^var moviedbMaxPoolSize = (?<size>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PoolSizeVariable();

    [GeneratedRegex(@"^param skuName string = '(?<sku>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex SkuParameter();

    [GeneratedRegex(@"\n\s*scale:\s*\n\s*minReplicas: (?<min>\d+)\s*\n\s*maxReplicas: (?<max>\d+)")]
    private static partial Regex ScaleBlock();
}
