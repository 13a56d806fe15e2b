using MovieTrends.Ingest.Hosting;
using MovieTrends.Tests.Hostile;

namespace MovieTrends.Tests.Ingest;

/// <summary>The importer's command line as an operator meets it: help, argument errors and exit codes.</summary>
public sealed class IngestCliTests
{
    private sealed record Outcome(int ExitCode, string Output, string Error, IngestCommand? Ran);

    private static async Task<Outcome> InvokeAsync(params string[] args)
    {
        IngestCommand? ran = null;
        var cli = new IngestCli(command =>
        {
            ran = command;
            return Task.FromResult(ExitCodes.Failed);
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await cli.InvokeAsync(args, output, error);
        return new Outcome(exitCode, output.ToString(), error.ToString(), ran);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_commands_and_the_exit_codes(string help)
    {
        var outcome = await InvokeAsync(help);

        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
        Assert.Null(outcome.Ran);
        Assert.Empty(outcome.Error);
        foreach (var expected in new[] { "migrate", "import <path>", "Exit codes: 0 done; 1 the work failed", "2 bad arguments" })
        {
            Assert.Contains(expected, outcome.Output);
        }
    }

    [Fact]
    public async Task Each_command_has_its_own_help()
    {
        var outcome = await InvokeAsync("import", "--help");

        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
        Assert.Contains(" import <path> [options]", outcome.Output);
        Assert.Contains("--connection <conn string>", outcome.Output);
        Assert.Contains("ConnectionStrings__moviedb", outcome.Output);
    }

    [Fact]
    public async Task A_bad_argument_exits_2_with_one_error_line_then_the_usage_and_runs_nothing()
    {
        var outcome = await InvokeAsync("migrate", "--force");

        Assert.Equal(ExitCodes.BadArguments, outcome.ExitCode);
        Assert.Null(outcome.Ran);
        Assert.Empty(outcome.Output);
        Assert.StartsWith("error: unknown option --force\n", outcome.Error.ReplaceLineEndings("\n"));
        Assert.Contains(" migrate [options]", outcome.Error);
    }

    [Fact]
    public async Task A_valid_command_line_runs_its_command_and_exits_with_its_code()
    {
        var outcome = await InvokeAsync("import", "movies.csv", "--connection", "Host=db");

        Assert.Equal(new IngestCommand(IngestAction.Import, "movies.csv", "Host=db"), outcome.Ran);
        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
    }

    [Fact]
    public void A_path_that_starts_with_an_at_sign_is_a_data_file_not_a_response_file()
    {
        Assert.True(IngestCommand.TryParse(["import", "@movies.csv"], out var command, out _));
        Assert.Equal(new IngestCommand(IngestAction.Import, "@movies.csv"), command);
    }

    [Theory]
    [InlineData("--connection is not a valid connection string: Format of the initialization string", "migrate", "--connection", "moviedb")]
    [InlineData("--connection is not a valid connection string: Couldn't set colour", "migrate", "--connection", "Host=db;Colour=blue")]
    [InlineData("--connection needs a connection string", "migrate", "--connection", " ")]
    [InlineData("import needs the path of a data file", "import", "")]
    public void Values_that_cannot_work_are_refused_before_anything_runs(string message, params string[] args)
    {
        Assert.False(IngestCommand.TryParse(args, out _, out var error));
        Assert.StartsWith(message, error);
    }

    [Fact]
    public async Task The_program_exits_2_on_a_bad_argument()
    {
        var result = await IngestProcess.RunAsync(["import"], TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == ExitCodes.BadArguments, $"Exit code {result.ExitCode}; stderr: {result.Error}");
        Assert.StartsWith("error: import needs the path of a data file", result.Error);
        Assert.Empty(result.Output);
    }
}
