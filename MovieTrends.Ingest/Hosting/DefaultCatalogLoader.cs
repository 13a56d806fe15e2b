using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Import;
using Npgsql;

namespace MovieTrends.Ingest.Hosting;

/// <summary>
/// The app's first-run load: bring the schema up to date and import the bundled file of every dataset that has
/// no movies yet, the default one first. Later runs reuse the data already loaded; a catalog from before the
/// datasets gets the datasets it lacks.
/// </summary>
public sealed partial class DefaultCatalogLoader(
    MigrationRunner migrations,
    CatalogImporter importer,
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DefaultCatalogLoader> logger)
{
    public const string DataFileSetting = "Ingest:DefaultDataFile";
    public const string DefaultDataFile = "data/tmdb_5000_movies.csv.gz";
    private const string DataFolder = "data";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await migrations.MigrateAsync(cancellationToken);

        var unloaded = await UnloadedDatasetsAsync(cancellationToken);
        if (unloaded.Count == 0)
        {
            LogAlreadyLoaded(logger);
            return;
        }

        foreach (var (_, sourceFile, isDefault) in unloaded)
        {
            // The setting names the default dataset's file (tests and the AppHost point it at a file of their own);
            // the others are their bundled files.
            var setting = isDefault && configuration[DataFileSetting] is { Length: > 0 } configured
                ? configured
                : Path.Combine(DataFolder, sourceFile);
            await importer.ImportAsync(FindDataFile(setting), cancellationToken);
        }
    }

    private async Task<List<(string Id, string SourceFile, bool IsDefault)>> UnloadedDatasetsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DatasetSql.Unloaded);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var datasets = new List<(string, string, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            datasets.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return datasets;
    }

    /// <summary>
    /// A relative setting is looked up in the content root, the app's own folder and their parent folders,
    /// so the default works wherever the process was started from inside the repository.
    /// </summary>
    private string FindDataFile(string setting)
    {
        if (Path.IsPathRooted(setting))
        {
            return setting;
        }

        string[] roots = [environment.ContentRootPath, AppContext.BaseDirectory];
        var found = roots
            .SelectMany(root => SelfAndParents(new DirectoryInfo(root)))
            .Select(folder => Path.Combine(folder.FullName, setting))
            .FirstOrDefault(File.Exists);
        return found ?? throw new ImportException(
            $"data file {setting} not found in {environment.ContentRootPath} or its parent folders; for the default dataset set {DataFileSetting} to its path");
    }

    private static IEnumerable<DirectoryInfo> SelfAndParents(DirectoryInfo? folder)
    {
        for (; folder is not null; folder = folder.Parent)
        {
            yield return folder;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Every dataset already holds movies; keeping them")]
    private static partial void LogAlreadyLoaded(ILogger logger);
}
