using System.Text.RegularExpressions;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// What azd deploys for one service gives its container: environment variables, each a plain value or a
/// reference to a Container Apps secret, and which secrets come from Key Vault. An app's file is its container app
/// template (MovieTrends.AppHost/infra/NAME.tmpl.yaml, a Go template of YAML); a job's is the Bicep module its
/// deployment template compiles with (MovieTrends.AppHost/infra/NAME/NAME.module.bicep). Read from the text.
/// </summary>
public sealed partial class ContainerAppTemplate
{
    private ContainerAppTemplate(string path, string text, bool isJob)
    {
        Path = path;
        Text = text;
        IsJob = isJob;
        Environment = EnvironmentEntry().Matches(text)
            .ToDictionary(match => match.Groups["name"].Value, match => new EnvironmentValue(
                match.Groups["kind"].Value == "secretRef", match.Groups["value"].Value.Trim().Trim('\'')));
        KeyVaultSecrets = KeyVaultSecret().Matches(text)
            .Select(match => match.Groups["name"].Value)
            .ToHashSet();
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>A Container Apps job, run when started, rather than an app that runs all the time.</summary>
    public bool IsJob { get; }

    public IReadOnlyDictionary<string, EnvironmentValue> Environment { get; }

    public IReadOnlySet<string> KeyVaultSecrets { get; }

    public static ContainerAppTemplate ForService(string service)
    {
        var module = JobModulePath(service);
        if (File.Exists(module))
        {
            return new ContainerAppTemplate(module, File.ReadAllText(module), isJob: true);
        }

        var path = System.IO.Path.Combine(InfraFolder(), $"{service}.tmpl.yaml");
        Assert.True(File.Exists(path), $"azd deploys '{service}' from {path}, which does not exist.");
        return new ContainerAppTemplate(path, File.ReadAllText(path), isJob: false);
    }

    /// <summary>The container app templates: every service azd deploys as an app.</summary>
    public static IEnumerable<string> AppTemplatePaths() => Directory.EnumerateFiles(InfraFolder(), "*.tmpl.yaml");

    /// <summary>Where azd reads a service's Bicep module when the manifest gives the service a Bicep deployment.</summary>
    public static string JobModulePath(string service) => System.IO.Path.Combine(InfraFolder(), service, $"{service}.module.bicep");

    public static string InfraFolder() => System.IO.Path.Combine(RepositoryRoot(), "MovieTrends.AppHost", "infra");

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "MovieTrends.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MovieTrends.slnx above {AppContext.BaseDirectory}.");
    }

    // "- name: X" (YAML) or "name: 'X'" (Bicep) directly followed by "value: ..." or "secretRef: ..." (the env list's shape).
    [GeneratedRegex(@"(?:- name: (?<name>[^\s']+)|\bname: '(?<name>[^']+)')\s*\n\s*(?<kind>value|secretRef): (?<value>.+)")]
    private static partial Regex EnvironmentEntry();

    // The same name directly followed by "keyVaultUrl: ..." (the secrets list's shape).
    [GeneratedRegex(@"(?:- name: (?<name>[^\s']+)|\bname: '(?<name>[^']+)')\s*\n\s*keyVaultUrl: ")]
    private static partial Regex KeyVaultSecret();
}

public sealed record EnvironmentValue(bool IsSecretReference, string Value);
