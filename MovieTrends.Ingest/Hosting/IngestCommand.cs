namespace MovieTrends.Ingest.Hosting;

public enum IngestAction
{
    /// <summary>No arguments, as the app's one-shot resource: migrate, then load the default data into an empty catalog.</summary>
    Startup,

    Migrate,
    Import,
    Help,
}

/// <summary>What the command line asked for.</summary>
public sealed record IngestCommand(IngestAction Action, string? Path = null, string? ConnectionString = null)
{
    /// <summary>Parses the arguments as the importer does (<see cref="IngestCli"/>), without running anything.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out IngestCommand command, out string? error) =>
        new IngestCli(static _ => Task.FromResult(ExitCodes.Done)).TryParse(args, out command, out error);
}
