using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Ingest.Import;
using MovieTrends.Catalog.Migrations;
using Npgsql;

namespace MovieTrends.Ingest.Hosting;

/// <summary>
/// The app's first-run load: bring the schema up to date and, when the catalog has no movies yet,
/// import the default data file. Later runs reuse the data already loaded.
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

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await migrations.MigrateAsync(cancellationToken);

        await using var count = dataSource.CreateCommand("SELECT count(*) FROM movies");
        var movies = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (movies > 0)
        {
            LogAlreadyLoaded(logger, movies);
            return;
        }

        await importer.ImportAsync(FindDataFile(), cancellationToken);
    }

    /// <summary>
    /// A relative setting is looked up in the content root, the app's own folder and their parent folders,
    /// so the default works wherever the process was started from inside the repository.
    /// </summary>
    private string FindDataFile()
    {
        var setting = configuration[DataFileSetting] is { Length: > 0 } configured ? configured : DefaultDataFile;
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
            $"default data file {setting} not found in {environment.ContentRootPath} or its parent folders; set {DataFileSetting} to its path");
    }

    private static IEnumerable<DirectoryInfo> SelfAndParents(DirectoryInfo? folder)
    {
        for (; folder is not null; folder = folder.Parent)
        {
            yield return folder;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The catalog already holds {Movies:N0} movies; keeping them")]
    private static partial void LogAlreadyLoaded(ILogger logger, long movies);
}
