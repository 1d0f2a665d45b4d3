using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BIS.Web.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddBisHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// /health/live answers while the process runs; /health/ready only when PostgreSQL answers too; /health/feeds
    /// says how fresh each feed is (503 when a critical one is stale).
    /// </summary>
    public static IEndpointRouteBuilder MapBisHealth(this IEndpointRouteBuilder endpoints)
    {
        // The only anonymous endpoints besides sign-in: load balancers and monitors probe them.
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        FeedHealthEndpoint.Map(endpoints);
        return endpoints;
    }

    private sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT count(*) FROM hazard_index");
                var buildings = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                return HealthCheckResult.Healthy($"{buildings} buildings indexed");
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is not answering.", ex);
            }
        }
    }
}
