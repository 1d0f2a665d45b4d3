using BIS.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BIS.Web.Tests.Security;

/// <summary>
/// One more BIS.Web node on an existing database (another server of a cluster, or the same one after a
/// restart): nothing seeded or loaded, only the settings given.
/// </summary>
public sealed class BisNode(string connectionString, MiniCity city, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration =>
        {
            var all = city.FeedSettings();
            all["Units:RosterFile"] = Path.Combine(RepoPaths.Root, "infra", "sample-city", "units.csv");
            all["Database:ConnectionString"] = connectionString;
            all["Database:MigrateOnStartup"] = "false";
            all["Ingest:RunScheduler"] = "false";
            all["Metrics:Port"] = "0";
            foreach (var (key, value) in settings)
            {
                all[key] = value;
            }

            configuration.AddInMemoryCollection(all);
        });
    }
}
