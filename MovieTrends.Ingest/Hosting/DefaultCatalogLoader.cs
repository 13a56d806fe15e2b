using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Import;
using MovieTrends.Ingest.Import.Layouts;
using Npgsql;

namespace MovieTrends.Ingest.Hosting;

/// <summary>
/// The app's first-run load: bring the schema up to date and import the bundled file of every dataset that has
/// no movies yet, the default one first. Later runs reuse the data already loaded; a catalog from before the
/// datasets gets the datasets it lacks, and a dataset loaded before the catalog kept the detail columns its file
/// has (runtime, budget, ...) is imported again.
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

        var toImport = new List<string>();
        foreach (var (id, sourceFile, isDefault, loaded) in await BundledDatasetsAsync(cancellationToken))
        {
            // The setting names the default dataset's file (tests and the AppHost point it at a file of their own);
            // the others are their bundled files.
            var setting = isDefault && configuration[DataFileSetting] is { Length: > 0 } configured
                ? configured
                : Path.Combine(DataFolder, sourceFile);
            if (!loaded)
            {
                toImport.Add(FindDataFile(setting));
            }
            else if (TryFindDataFile(setting) is { } path && await EmptyDetailColumnsAsync(id, path, cancellationToken) is { Length: > 0 } empty)
            {
                LogStale(logger, id, string.Join(", ", empty), Path.GetFileName(path));
                toImport.Add(path);
            }
        }

        if (toImport.Count == 0)
        {
            LogAlreadyLoaded(logger);
            return;
        }

        foreach (var path in toImport)
        {
            await importer.ImportAsync(path, cancellationToken);
        }
    }

    private async Task<List<(string Id, string SourceFile, bool IsDefault, bool Loaded)>> BundledDatasetsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DatasetSql.Bundled);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var datasets = new List<(string, string, bool, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            datasets.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        return datasets;
    }

    /// <summary>
    /// The detail columns (runtime, budget, ...) the dataset's file has and none of its stored movies has a value
    /// in: a dataset imported before the catalog kept them. Re-importing it updates every movie (the exact
    /// vote_average too).
    /// </summary>
    private async Task<string[]> EmptyDetailColumnsAsync(string dataset, string path, CancellationToken cancellationToken)
    {
        var fileColumns = DetailColumns.In(CatalogImporter.ReadHeader(path));
        if (fileColumns.Length == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(DatasetSql.EmptyDetailColumns);
        command.Parameters.Add(new NpgsqlParameter { Value = dataset });
        command.Parameters.Add(new NpgsqlParameter { Value = fileColumns });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var empty = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            empty.Add(reader.GetString(0));
        }

        return [.. empty];
    }

    /// <summary>
    /// A relative setting is looked up in the content root, the app's own folder and their parent folders,
    /// so the default works wherever the process was started from inside the repository.
    /// </summary>
    private string FindDataFile(string setting) =>
        TryFindDataFile(setting) ?? throw new ImportException(
            $"data file {setting} not found in {environment.ContentRootPath} or its parent folders; for the default dataset set {DataFileSetting} to its path");

    /// <summary>Null when the file is not there: a dataset already loaded then keeps what it has.</summary>
    private string? TryFindDataFile(string setting)
    {
        if (Path.IsPathRooted(setting))
        {
            return File.Exists(setting) ? setting : null;
        }

        string[] roots = [environment.ContentRootPath, AppContext.BaseDirectory];
        return roots
            .SelectMany(root => SelfAndParents(new DirectoryInfo(root)))
            .Select(folder => Path.Combine(folder.FullName, setting))
            .FirstOrDefault(File.Exists);
    }

    private static IEnumerable<DirectoryInfo> SelfAndParents(DirectoryInfo? folder)
    {
        for (; folder is not null; folder = folder.Parent)
        {
            yield return folder;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset '{Dataset}' was loaded before the catalog kept {Columns}: importing {FileName} again to fill them in")]
    private static partial void LogStale(ILogger logger, string dataset, string columns, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every dataset already holds movies; keeping them")]
    private static partial void LogAlreadyLoaded(ILogger logger);
}
