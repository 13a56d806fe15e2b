namespace MovieTrends.Ingest.Hosting;

/// <summary>The importer's exit codes, as its help lists them.</summary>
public static class ExitCodes
{
    /// <summary>The work is done.</summary>
    public const int Done = 0;

    /// <summary>The work failed: one line on standard error says why, and an unfinished import changed nothing.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: one line on standard error says why, then the usage.</summary>
    public const int BadArguments = 2;
}
