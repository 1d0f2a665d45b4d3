using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BIS.Web.Tests;

/// <summary>
/// A BIS.Web started from given settings alone: a second node on another factory's database (its
/// <see cref="BisWebFactory.NodeSettings"/>), or a configuration that must not start.
/// </summary>
public sealed class ConfiguredNode(string environment, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Nodes run side by side with other test hosts: the metrics listener on a free port unless the test chose one.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Metrics:Port"] = settings.GetValueOrDefault("Metrics:Port") ?? "0" }));
    }
}
