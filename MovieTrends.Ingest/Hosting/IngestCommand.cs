namespace MovieTrends.Ingest.Hosting;

public enum IngestAction
{
    /// <summary>No arguments, as the app's one-shot resource: migrate, then load the default data into an empty catalog.</summary>
    Startup,

    /// <summary>
    /// As <see cref="Startup"/>, then stays up until stopped (SIGTERM or Ctrl+C) and exits 0: for a host that
    /// restarts a process that exits, such as a Container Apps app.
    /// </summary>
    Resident,
    Migrate,
    Import,
    Help,
}

/// <summary>What the command line asked for.</summary>
public sealed record IngestCommand(IngestAction Action, string? Path = null, string? ConnectionString = null)
{
    public const string Usage = """
        Usage:
          MovieTrends.Ingest                                        migrate, then load the default data file if the catalog is empty
          MovieTrends.Ingest resident                               the same, then stay up until stopped (SIGTERM, Ctrl+C) and exit 0
          MovieTrends.Ingest migrate [--connection "<conn string>"]      apply pending database migrations
          MovieTrends.Ingest import <path> [--connection "<conn string>"] import a TMDB data file (CSV, plain or gzipped)
        Without --connection the connection string comes from ConnectionStrings:moviedb
        (environment variable ConnectionStrings__moviedb).
        """;

    private const string ConnectionOption = "--connection";

    public static bool TryParse(IReadOnlyList<string> args, out IngestCommand command, out string? error)
    {
        command = new IngestCommand(IngestAction.Help);
        error = null;
        if (args.Count == 0)
        {
            command = new IngestCommand(IngestAction.Startup);
            return true;
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            return true;
        }

        var positional = new List<string>();
        string? connectionString = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == ConnectionOption)
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    error = $"{ConnectionOption} needs a connection string, e.g. {ConnectionOption} \"Host=localhost;Database=moviedb;Username=postgres\"";
                    return false;
                }

                connectionString = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unknown option {args[i]}";
                return false;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        (command, error) = (args[0], positional.Count) switch
        {
            ("resident", 0) => (new IngestCommand(IngestAction.Resident, ConnectionString: connectionString), null),
            ("resident", _) => (command, "resident takes no file argument"),
            ("migrate", 0) => (new IngestCommand(IngestAction.Migrate, ConnectionString: connectionString), null),
            ("migrate", _) => (command, "migrate takes no file argument"),
            ("import", 1) => (new IngestCommand(IngestAction.Import, positional[0], connectionString), null),
            ("import", 0) => (command, "import needs the path of a data file"),
            ("import", _) => (command, "import takes exactly one data file"),
            _ => (command, $"unknown command '{args[0]}'"),
        };
        return error is null;
    }
}
