using BIS.Ingest;
using BIS.Ingest.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BIS.TestSupport;

/// <summary>The real ingest pipeline wired as in production, pointed at a test database and feed manifest.</summary>
public static class IngestHost
{
    public static IHost Build(string connectionString, string? manifestPath, IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = connectionString,
            // One role unless a test says otherwise: never an owner string inherited from the environment (infra/bis exports one).
            ["Database:OwnerConnectionString"] = string.Empty,
            ["Database:MigrateOnStartup"] = "false",
            ["Ingest:RunScheduler"] = "false",
            [FeedManifestConfiguration.ManifestPathKey] = manifestPath,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddBisDefaults(AppContext.BaseDirectory);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddBisIngest(builder.Configuration);
        return builder.Build();
    }
}
