using BIS.Ingest;
using BIS.Ingest.Cli;
using BIS.Ingest.Feeds;
using Microsoft.Extensions.Hosting;

// BIS.Ingest runs the feed scheduler as its own worker (scaled-out deployments), and offers the
// maintenance commands the entry script uses: migrate, run, load, generate.
if (IngestCommands.IsCommand(args))
{
    return await IngestCommands.RunAsync(args);
}

// Settings live beside the binary, wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddBisDefaults(builder.Environment.ContentRootPath);
builder.Services.AddBisIngest(builder.Configuration);
await builder.Build().RunAsync();
return 0;
