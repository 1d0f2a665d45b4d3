using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Database;

/// <summary>Applies pending migrations before the scheduler starts, when Database:MigrateOnStartup is on.</summary>
public sealed class MigrateOnStartup(Migrator migrator, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            migrator.Migrate();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
