using MovieTrends.Ingest.Hosting;

return await new IngestCli(RunAsync).InvokeAsync(args);

static async Task<int> RunAsync(IngestCommand command)
{
    // The arguments are ours, not configuration: a data file path must never be read as a setting.
    var builder = Host.CreateApplicationBuilder();
    builder.AddServiceDefaults();
    builder.AddIngest(command.ConnectionString);

    using var host = builder.Build();
    return await host.RunIngestAsync(command);
}
