using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Npgsql;

namespace MovieTrends.Ingest.Hosting;

/// <summary>
/// The importer's command line: its commands with their help, the validation of what was typed, and the exit
/// codes. A command that parses is handed to the program as an <see cref="IngestCommand"/>.
/// </summary>
public sealed class IngestCli
{
    private const string ConnectionMissing =
        "--connection needs a connection string, e.g. --connection \"Host=localhost;Username=postgres\"";

    private const string PathMissing = "import needs the path of a data file";

    private readonly RootCommand _root;
    private readonly Argument<string> _path = new("path")
    {
        Description = "the TMDB data file (CSV, plain or gzipped; the layout is recognized from its header and names the dataset it loads into)",
    };

    private readonly Option<string> _connection = new("--connection")
    {
        Description = $"the PostgreSQL connection string (default: ConnectionStrings:{IngestExtensions.ConnectionName}, " +
            $"or the environment variable ConnectionStrings__{IngestExtensions.ConnectionName})",
        HelpName = "conn string",
    };

    private readonly Dictionary<Command, IngestAction> _actions = [];

    // A path is a path: "@movies.csv" is a data file, never a response file of further arguments.
    private readonly ParserConfiguration _parsing = new() { ResponseFileTokenReplacer = null };

    /// <param name="run">Runs a parsed command and returns the process exit code.</param>
    public IngestCli(Func<IngestCommand, Task<int>> run)
    {
        _path.Validators.Add(ValidatePath);
        _connection.Validators.Add(ValidateConnection);
        _root = new RootCommand($"""
            Loads TMDB movie data into the MovieTrends catalog database. Without a command: apply pending migrations,
            then load the bundled file of every dataset that has no movies yet.

            Exit codes: {ExitCodes.Done} done; {ExitCodes.Failed} the work failed (one line on standard error says why); {ExitCodes.BadArguments} bad arguments.
            """);
        Register(_root, IngestAction.Startup, run);
        _root.Add(Register(new Command("migrate", "apply pending database migrations") { _connection }, IngestAction.Migrate, run));
        _root.Add(Register(new Command("import", "migrate, then import a TMDB data file in one transaction (all or nothing)") { _path, _connection }, IngestAction.Import, run));
        // The word "help" works as --help does, as it always has.
        var help = new Command("help", "show help and usage information") { Hidden = true };
        help.SetAction(result => WriteHelp(_root, result.InvocationConfiguration.Output));
        _actions[help] = IngestAction.Help;
        _root.Add(help);
    }

    /// <summary>Parses the arguments, runs the command and returns the process exit code.</summary>
    /// <param name="output">Where help goes (default: standard output); the command's own output is the console's.</param>
    /// <param name="error">Where argument errors go (default: standard error).</param>
    public async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var result = _root.Parse(args, _parsing);
        if (ErrorOf(result) is { } message)
        {
            await error.WriteLineAsync($"error: {message}");
            WriteHelp(result.CommandResult.Command, error);
            return ExitCodes.BadArguments;
        }

        // The host's console lifetime handles Ctrl+C and SIGTERM (rolling back an import), not the parser.
        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });
    }

    /// <summary>What the arguments ask for, or the one line that says what is wrong with them.</summary>
    public bool TryParse(IReadOnlyList<string> args, out IngestCommand command, out string? error)
    {
        var result = _root.Parse(args, _parsing);
        error = ErrorOf(result);
        command = error is null ? CommandOf(result) : new IngestCommand(IngestAction.Help);
        return error is null;
    }

    private Command Register(Command command, IngestAction action, Func<IngestCommand, Task<int>> run)
    {
        _actions[command] = action;
        command.SetAction(result => run(CommandOf(result)));
        return command;
    }

    private IngestCommand CommandOf(ParseResult result) => result.Action is HelpAction
        ? new IngestCommand(IngestAction.Help)
        : new IngestCommand(_actions[result.CommandResult.Command], result.GetValue(_path), result.GetValue(_connection));

    /// <summary>
    /// The first thing wrong, said in this tool's words: the parser's own messages for a missing or extra
    /// token name its symbols, not what the user should do.
    /// </summary>
    private string? ErrorOf(ParseResult result)
    {
        if (result.Errors.Count == 0 || result.Action is HelpAction)
        {
            return null;
        }

        var command = result.CommandResult.Command;
        if (result.GetResult(_connection) is { Tokens.Count: 0 })
        {
            return ConnectionMissing;
        }

        if (result.UnmatchedTokens is [var token, ..])
        {
            return token.StartsWith('-') ? $"unknown option {token}"
                : command == _root ? $"unknown command '{token}'"
                : command.Arguments.Count == 0 ? $"{command.Name} takes no file argument"
                : $"{command.Name} takes exactly one data file";
        }

        return command.Arguments.Contains(_path) && result.GetResult(_path) is null or { Tokens.Count: 0 }
            ? PathMissing
            : result.Errors[0].Message;
    }

    private static void ValidatePath(ArgumentResult result)
    {
        if (result.Tokens is [var path] && string.IsNullOrWhiteSpace(path.Value))
        {
            result.AddError(PathMissing);
        }
    }

    private static void ValidateConnection(OptionResult result)
    {
        if (result.Tokens is not [var token])
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(token.Value))
        {
            result.AddError(ConnectionMissing);
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(token.Value);
        }
        catch (ArgumentException e)
        {
            // The builder's message names the bad keyword or position, never a value such as the password.
            result.AddError($"--connection is not a valid connection string: {e.Message}");
        }
    }

    /// <summary>The parser's own help for the command (the commands are one level deep), to any writer.</summary>
    private int WriteHelp(Command command, TextWriter writer)
    {
        string[] args = command == _root ? ["--help"] : [command.Name, "--help"];
        return _root.Parse(args, _parsing).Invoke(new InvocationConfiguration { Output = writer });
    }
}
