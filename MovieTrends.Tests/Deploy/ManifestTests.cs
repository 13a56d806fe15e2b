using System.Text.Json.Nodes;
using MovieTrends.Catalog;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// The publish-mode model azd deploys: what each service gets from the deployment, and that the
/// hand-written container app templates give every service what the manifest asks for.
/// </summary>
public sealed class ManifestTests(PublishedManifest manifest) : IClassFixture<PublishedManifest>
{
    public static TheoryData<string> Services => ["ingest", "graphql", "web"];

    [Theory]
    [InlineData("graphql")]
    [InlineData("web")]
    public void The_services_are_published_as_projects_azd_deploys_as_container_apps(string service)
    {
        Assert.Equal("project.v0", manifest.Resource(service)["type"]?.GetValue<string>());
        Assert.False(ContainerAppTemplate.ForService(service).IsJob);
    }

    [Fact]
    public void The_importer_is_published_with_the_bicep_deployment_of_its_container_apps_job()
    {
        // project.v1 with a Bicep deployment: azd renders infra/ingest/ingest.tmpl.bicepparam and compiles it with
        // the module the manifest names (by file name, from the service's folder) instead of a container app template.
        var ingest = manifest.Resource("ingest");
        Assert.Equal("project.v1", ingest["type"]?.GetValue<string>());
        Assert.Equal("azure.bicep.v0", ingest["deployment"]?["type"]?.GetValue<string>());
        var module = Path.GetFileName(ingest["deployment"]?["path"]?.GetValue<string>());
        Assert.Equal(Path.GetFileName(ContainerAppTemplate.JobModulePath("ingest")), module);

        var folder = Path.Combine(ContainerAppTemplate.InfraFolder(), "ingest");
        Assert.False(File.Exists(Path.Combine(ContainerAppTemplate.InfraFolder(), "ingest.tmpl.yaml")),
            "A container app template for ingest would be ignored by azd; the job's module is what it deploys.");
        var parameters = File.ReadAllText(Path.Combine(folder, "ingest.tmpl.bicepparam"));
        Assert.StartsWith($"using './{module}'", parameters, StringComparison.Ordinal);
        var job = ContainerAppTemplate.ForService("ingest");
        Assert.True(job.IsJob);
        Assert.Matches(@"(?m)^resource \w+ 'Microsoft\.App/jobs@\d{4}-\d{2}-\d{2}' = \{\s*\n\s*name: 'ingest'", job.Text);
        Assert.Contains("triggerType: 'Manual'", job.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_is_a_secret_connection_string_the_deployment_supplies_not_a_container()
    {
        var moviedb = manifest.Resource("moviedb");
        Assert.Equal("parameter.v0", moviedb["type"]?.GetValue<string>());
        Assert.True(IsSecretParameter(moviedb), "The moviedb connection string must be a secret parameter.");
        Assert.DoesNotContain(manifest.Resources, resource => resource.Value?["type"]?.GetValue<string>() == "container.v0");
    }

    [Theory]
    [InlineData("ingest", CatalogRoles.Ingest, "moviedb-ingest-password", "connectionstrings--moviedb-ingest")]
    [InlineData("graphql", CatalogRoles.Service, "moviedb-graphql-password", "connectionstrings--moviedb-graphql")]
    public void Services_that_query_the_catalog_log_in_as_their_own_role(string service, string role, string password, string deployedSecret)
    {
        Assert.Equal(
            $"{{moviedb.connectionString}};Username={role};Password={{{password}.value}}",
            manifest.Environment(service).GetValueOrDefault("ConnectionStrings__moviedb"));
        var passwordParameter = manifest.Resource(password);
        Assert.True(IsSecretParameter(passwordParameter), $"{password} must be a secret parameter.");
        Assert.NotNull(passwordParameter["inputs"]?["value"]?["default"]?["generate"]);

        // Deployed, the same login comes from the Key Vault secret Bicep builds for that role.
        Assert.Equal(deployedSecret, ContainerAppTemplate.ForService(service).Environment["ConnectionStrings__moviedb"].Value);
    }

    [Fact]
    public void The_deployment_logs_in_as_the_roles_the_migration_creates()
    {
        // Bicep cannot read C#, so it names the roles itself.
        var resources = File.ReadAllText(Path.Combine(ContainerAppTemplate.RepositoryRoot(), "infra", "resources.bicep"));
        Assert.Contains($"var ingestRole = '{CatalogRoles.Ingest}'", resources, StringComparison.Ordinal);
        Assert.Contains($"var serviceRole = '{CatalogRoles.Service}'", resources, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_importers_migration_step_gets_the_administrator_login()
    {
        var ingest = manifest.Environment("ingest");
        Assert.Equal("{moviedb.connectionString}", ingest.GetValueOrDefault($"ConnectionStrings__{CatalogConnection.MigrationName}"));
        Assert.Equal("{moviedb-ingest-password.value}", ingest.GetValueOrDefault("CatalogRoles__IngestPassword"));
        Assert.Equal("{moviedb-graphql-password.value}", ingest.GetValueOrDefault("CatalogRoles__ServicePassword"));

        foreach (var service in new[] { "graphql", "web" })
        {
            Assert.DoesNotContain(manifest.Environment(service), variable => variable.Value == "{moviedb.connectionString}");
        }

        // Deployed, the importer is a job that runs for the seconds of each deployment's import; no app, which runs
        // all the time, holds the administrator login.
        var importer = ContainerAppTemplate.ForService("ingest");
        Assert.True(importer.IsJob);
        Assert.Contains("connectionstrings--moviedb-admin", importer.KeyVaultSecrets);
        Assert.Equal("connectionstrings--moviedb-admin", importer.Environment[$"ConnectionStrings__{CatalogConnection.MigrationName}"].Value);
        var apps = ContainerAppTemplate.AppTemplatePaths().ToList();
        Assert.Equal(2, apps.Count);
        Assert.All(apps, app =>
        {
            Assert.DoesNotContain("moviedb-admin", File.ReadAllText(app), StringComparison.Ordinal);
            Assert.DoesNotContain("MOVIEDB_ADMIN_SECRET_URI", File.ReadAllText(app), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void GraphQL_reads_the_llm_key_from_a_secret_parameter()
    {
        var keyVariable = Assert.Single(manifest.Environment("graphql"), variable => variable.Value == "{xai-api-key.value}");
        Assert.True(IsSecretParameter(manifest.Resource("xai-api-key")), "xai-api-key must be a secret parameter.");

        var template = ContainerAppTemplate.ForService("graphql");
        Assert.True(template.Environment[keyVariable.Key].IsSecretReference, $"{keyVariable.Key} must come from a secret.");
        Assert.Contains(template.Environment[keyVariable.Key].Value, template.KeyVaultSecrets);
    }

    [Fact]
    public void Web_and_graphql_share_the_proxy_key_from_a_generated_secret_parameter()
    {
        var proxyKey = manifest.Resource("proxy-key");
        Assert.True(IsSecretParameter(proxyKey), "proxy-key must be a secret parameter.");
        Assert.NotNull(proxyKey["inputs"]?["value"]?["default"]?["generate"]);
        foreach (var service in new[] { "graphql", "web" })
        {
            Assert.Equal("{proxy-key.value}", manifest.Environment(service).GetValueOrDefault("Proxy__Key"));
            var template = ContainerAppTemplate.ForService(service);
            Assert.True(template.Environment["Proxy__Key"].IsSecretReference, $"{template.Path} must read Proxy__Key from a secret.");
            Assert.Contains(template.Environment["Proxy__Key"].Value, template.KeyVaultSecrets);
        }
    }

    [Fact]
    public void Web_reaches_graphql_through_service_discovery()
    {
        // The proxy's one address of the service: its HTTP/2 cleartext endpoint, nothing a browser could use.
        var web = manifest.Environment("web");
        Assert.Equal("{graphql.bindings.h2c.url}", web.GetValueOrDefault("services__graphql__h2c__0"));
        Assert.DoesNotContain(web.Keys, name => name.StartsWith("services__graphql__http", StringComparison.Ordinal));
        var h2c = manifest.Resource("graphql")["bindings"]?["h2c"];
        Assert.Equal("http2", h2c?["transport"]?.GetValue<string>());
        Assert.NotEqual(true, h2c?["external"]?.GetValue<bool>());

        // Deployed, that URL is the GraphQL app's internal Container Apps address, whose ingress speaks HTTP/2 to the app.
        var deployed = ContainerAppTemplate.ForService("web").Environment["services__graphql__h2c__0"];
        Assert.StartsWith("http://graphql.internal.", deployed.Value);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_container_app_template_sets_every_variable_the_manifest_gives(string service)
    {
        var template = ContainerAppTemplate.ForService(service);
        var missing = manifest.Environment(service).Keys.Where(name => !template.Environment.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, $"{template.Path} does not set {string.Join(", ", missing)}.");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Secrets_in_the_manifest_stay_secrets_in_the_container_app(string service)
    {
        var template = ContainerAppTemplate.ForService(service);
        foreach (var (name, value) in manifest.Environment(service).Where(variable => ReferencesSecret(variable.Value)))
        {
            var deployed = template.Environment[name];
            Assert.True(deployed.IsSecretReference && template.KeyVaultSecrets.Contains(deployed.Value),
                $"{template.Path} must read {name} from a Key Vault secret, not a plain value.");
        }
    }

    [Fact]
    public void Secret_parameters_the_operator_sets_are_infrastructure_parameters()
    {
        // azd passes a manifest parameter to Bicep under its name with dashes turned into underscores.
        var parametersFile = Path.Combine(ContainerAppTemplate.RepositoryRoot(), "infra", "main.parameters.json");
        var infraParameters = JsonNode.Parse(File.ReadAllText(parametersFile))!["parameters"]!.AsObject();

        // The connection string is the one parameter the infrastructure builds itself, from the server it creates.
        var operatorParameters = manifest.Resources
            .Where(resource => resource.Value?["type"]?.GetValue<string>() == "parameter.v0" && resource.Key != "moviedb")
            .Select(resource => resource.Key.Replace('-', '_'))
            .ToList();
        Assert.NotEmpty(operatorParameters);
        Assert.All(operatorParameters, name => Assert.True(infraParameters.ContainsKey(name), $"{parametersFile} has no '{name}'."));
    }

    private bool ReferencesSecret(string value) =>
        value.Contains(".connectionString}", StringComparison.Ordinal)
        || manifest.Resources.Any(resource => IsSecretParameter(resource.Value!.AsObject())
            && value.Contains($"{{{resource.Key}.value}}", StringComparison.Ordinal));

    private static bool IsSecretParameter(JsonObject resource) =>
        resource["type"]?.GetValue<string>() == "parameter.v0"
        && resource["inputs"]?["value"]?["secret"]?.GetValue<bool>() == true;
}
