using MovieTrends.Ingest.Hosting;

namespace MovieTrends.Tests.Ingest;

[Trait("Layer", "Fast")]
public sealed class IngestCommandTests
{
    [Fact]
    public void No_arguments_is_the_first_run_load()
    {
        Assert.True(IngestCommand.TryParse([], out var command, out _));
        Assert.Equal(IngestAction.Startup, command.Action);
    }

    [Fact]
    public void Import_takes_a_path_and_an_optional_connection_string()
    {
        Assert.True(IngestCommand.TryParse(["import", "data/movies.csv.gz", "--connection", "Host=db"], out var command, out _));
        Assert.Equal(new IngestCommand(IngestAction.Import, "data/movies.csv.gz", "Host=db"), command);
        Assert.True(IngestCommand.TryParse(["migrate"], out var migrate, out _));
        Assert.Equal(new IngestCommand(IngestAction.Migrate), migrate);
    }

    [Theory]
    [InlineData("import needs the path of a data file", "import")]
    [InlineData("import takes exactly one data file", "import", "a.csv", "b.csv")]
    [InlineData("--connection needs a connection string", "import", "a.csv", "--connection")]
    [InlineData("unknown option --force", "migrate", "--force")]
    [InlineData("migrate takes no file argument", "migrate", "a.csv")]
    [InlineData("unknown command 'load'", "load", "a.csv")]
    public void Bad_arguments_say_what_is_wrong(string message, params string[] args)
    {
        Assert.False(IngestCommand.TryParse(args, out _, out var error));
        Assert.StartsWith(message, error);
    }
}
