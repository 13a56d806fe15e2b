using System.Globalization;

namespace MovieTrends.AppHost;

/// <summary>
/// How many instances of the GraphQL service the AppHost runs: the <c>GraphQL:Replicas</c> setting, 1 unless set
/// (e.g. <c>./run.sh GraphQL:Replicas=2</c>). Replicas share the database; the web reaches them through one
/// load-balanced address. Deployed, Container Apps scales the service instead (see the app's template).
/// </summary>
internal static class GraphQLReplicas
{
    public const string Setting = "GraphQL:Replicas";

    // A handful proves the replicas agree; more only shares this machine's cores and the database's connections.
    private const int Max = 5;

    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(this IResourceBuilder<ProjectResource> graphql)
    {
        var value = graphql.ApplicationBuilder.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return graphql;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var replicas) || replicas is < 1 or > Max)
        {
            throw new InvalidOperationException($"{Setting} must be a whole number from 1 to {Max} (it is '{value}').");
        }

        return replicas == 1 ? graphql : graphql.WithReplicas(replicas);
    }
}
