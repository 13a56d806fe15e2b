using System.Text.RegularExpressions;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// What azd's container app template for one service (MovieTrends.AppHost/infra/NAME.tmpl.yaml) gives the
/// container: environment variables, each a plain value or a reference to a Container Apps secret, and
/// which secrets come from Key Vault. Read from the text, since the file is a Go template, not plain YAML.
/// </summary>
public sealed partial class ContainerAppTemplate
{
    private ContainerAppTemplate(string path, string text)
    {
        Path = path;
        Environment = EnvironmentEntry().Matches(text)
            .ToDictionary(match => match.Groups["name"].Value, match => new EnvironmentValue(
                match.Groups["kind"].Value == "secretRef", match.Groups["value"].Value.Trim()));
        KeyVaultSecrets = KeyVaultSecret().Matches(text)
            .Select(match => match.Groups["name"].Value)
            .ToHashSet();
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, EnvironmentValue> Environment { get; }

    public IReadOnlySet<string> KeyVaultSecrets { get; }

    public static ContainerAppTemplate ForService(string service)
    {
        var path = System.IO.Path.Combine(RepositoryRoot(), "MovieTrends.AppHost", "infra", $"{service}.tmpl.yaml");
        Assert.True(File.Exists(path), $"azd deploys '{service}' from {path}, which does not exist.");
        return new ContainerAppTemplate(path, File.ReadAllText(path));
    }

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

    // "- name: X" directly followed by "value: ..." or "secretRef: ..." (the env list's shape).
    [GeneratedRegex(@"- name: (?<name>\S+)\s*\n\s*(?<kind>value|secretRef): (?<value>.+)")]
    private static partial Regex EnvironmentEntry();

    // "- name: X" directly followed by "keyVaultUrl: ..." (the secrets list's shape).
    [GeneratedRegex(@"- name: (?<name>\S+)\s*\n\s*keyVaultUrl: ")]
    private static partial Regex KeyVaultSecret();
}

public sealed record EnvironmentValue(bool IsSecretReference, string Value);
