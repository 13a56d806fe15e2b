using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MovieTrends.AppHost.Dashboard;

/// <summary>
/// Dashboard commands on the ingest resource: re-import the default data, or import a file the operator names.
/// Both run the importer's command line against moviedb; its output goes to the resource's console log, and
/// the outcome to the command's result, the resource's state and its "last import" property.
/// </summary>
internal static partial class ImportCommands
{
    public const string ReimportDefault = "reimport-default-data";
    public const string ImportFile = "import-file";
    public const string PathArgument = "path";
    public const string LastImportProperty = "movietrends.last-import";

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static IResourceBuilder<ProjectResource> WithImportCommands(
        this IResourceBuilder<ProjectResource> ingest, IResourceBuilder<IResourceWithConnectionString> moviedb, string defaultDataFile)
    {
        var program = new IngestProgram(ingest.Resource.GetProjectMetadata().ProjectPath);
        if (defaultDataFile is not null)
        {
            ingest.WithCommand(ReimportDefault, "Re-import the default data",
                context => RunAsync(context, ingest.Resource, moviedb.Resource, program, defaultDataFile),
                new CommandOptions
                {
                    Description = $"Imports {Path.GetFileName(defaultDataFile)} again: new and changed movies are written, the rest is left as it is.",
                    IconName = "ArrowSync",
                    ConfirmationMessage = $"Import {Path.GetFileName(defaultDataFile)} into moviedb again?",
                });
        }

        ingest.WithCommand(ImportFile, "Import a file…",
            context => RunAsync(context, ingest.Resource, moviedb.Resource, program, context.Arguments[PathArgument].Value ?? ""),
            new CommandOptions
            {
                Description = "Imports a TMDB CSV file (plain or gzipped) from this machine into moviedb.",
                IconName = "DocumentArrowUp",
                Arguments =
                [
                    new InteractionInput
                    {
                        Name = PathArgument,
                        Label = "File path",
                        Description = "A TMDB 5000, tmdb-movies or top-10K CSV file on the machine running the AppHost.",
                        InputType = InputType.Text,
                        Required = true,
                        Placeholder = "/data/tmdb-movies.csv.gz",
                    },
                ],
                ValidateArguments = validation =>
                {
                    var path = validation.Inputs[PathArgument];
                    if (!File.Exists(path.Value))
                    {
                        validation.AddValidationError(path, "No file at this path.");
                    }

                    return Task.CompletedTask;
                },
            });
        return ingest;
    }

    private static async Task<ExecuteCommandResult> RunAsync(
        ExecuteCommandContext context, ProjectResource ingest, IResourceWithConnectionString moviedb, IngestProgram program, string file)
    {
        if (!File.Exists(file))
        {
            return CommandResults.Failure($"No file at '{file}'.");
        }

        if (!await OneAtATime.WaitAsync(0, context.CancellationToken))
        {
            return CommandResults.Failure("An import started from the dashboard is still running; wait for it to finish.");
        }

        var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(ingest);
        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        ResourceStateSnapshot? stateBefore = null;
        try
        {
            var connectionString = await moviedb.ConnectionStringExpression.GetValueAsync(context.CancellationToken)
                ?? throw new InvalidOperationException("moviedb has no connection string yet.");
            await notifications.PublishUpdateAsync(ingest, snapshot =>
            {
                stateBefore = snapshot.State;
                return snapshot with { State = new ResourceStateSnapshot("Importing", KnownResourceStateStyles.Info) };
            });
            LogStarting(logger, file);

            string? summary = null;
            var exitCode = await program.ImportAsync(file, connectionString, (line, isError) =>
            {
                summary = ImportOutput.Summary(line) ?? summary;
                if (isError)
                {
                    LogProgramError(logger, line);
                }
                else
                {
                    LogProgramOutput(logger, line);
                }
            }, context.CancellationToken);

            var outcome = exitCode == 0
                ? $"Imported {summary ?? Path.GetFileName(file)}"
                : $"Import of {Path.GetFileName(file)} failed (exit code {exitCode}); nothing was changed. See the ingest console log.";
            LogFinished(logger, outcome);
            await notifications.PublishUpdateAsync(ingest, snapshot => snapshot with
            {
                Properties = snapshot.Properties
                    .RemoveAll(property => property.Name == LastImportProperty)
                    .Add(new ResourcePropertySnapshot(LastImportProperty, outcome)),
            });
            return exitCode == 0 ? CommandResults.Success(outcome) : CommandResults.Failure(outcome);
        }
        finally
        {
            if (stateBefore is not null)
            {
                await notifications.PublishUpdateAsync(ingest, snapshot => snapshot with { State = stateBefore });
            }

            OneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard command: importing {File}")]
    private static partial void LogStarting(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogProgramOutput(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Line}")]
    private static partial void LogProgramError(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard command: {Outcome}")]
    private static partial void LogFinished(ILogger logger, string outcome);
}
