using BIS.Ingest.Database;

namespace BIS.Web.Tests.Security;

/// <summary>
/// BIS.Web refuses to start, naming the setting, with the provisioned default database password for a
/// database elsewhere.
/// </summary>
public sealed class StartupRefusalTests
{
    private const string Elsewhere = "Host=db.invalid;Port=5432;Database=bis;Username=bis_app;Password=";

    [Fact]
    public void The_default_password_for_a_database_elsewhere_stops_BIS_Web_at_start()
    {
        using var node = new ConfiguredNode("Testing", new() { ["Database:ConnectionString"] = Elsewhere + DatabaseHost.ProvisionedDefaultPassword });

        var refused = Assert.ThrowsAny<Exception>(() => node.Services);

        Assert.Contains("Database:ConnectionString uses the provisioned default password 'bis'", Messages(refused), StringComparison.Ordinal);
    }

    private static string Messages(Exception? error)
    {
        var messages = new List<string>();
        for (; error is not null; error = error.InnerException)
        {
            messages.Add(error.Message);
            if (error is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
