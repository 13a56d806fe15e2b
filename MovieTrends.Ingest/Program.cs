using MovieTrends.Ingest.Hosting;

if (!IngestCommand.TryParse(args, out var command, out var error))
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(IngestCommand.Usage);
    return 2;
}

if (command.Action == IngestAction.Help)
{
    Console.WriteLine(IngestCommand.Usage);
    return 0;
}

// The arguments are ours, not configuration: a data file path must never be read as a setting.
var builder = Host.CreateApplicationBuilder();
builder.AddServiceDefaults();
builder.AddIngest(command.ConnectionString);

using var host = builder.Build();
return await host.RunIngestAsync(command);
