using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated database options and the shared NpgsqlDataSources with PostGIS types: the
    /// runtime role's (unkeyed: whatever answers a request) and the schema owner's (keyed
    /// <see cref="BisDataSource.OwnerKey"/>: feed loads), which is the same one when no owner is configured; and how work is retried on a lost connection.
    /// </summary>
    public static IServiceCollection AddBisDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton(sp => BisDataSource.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddKeyedSingleton(BisDataSource.OwnerKey, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.OwnerConnectionString)
                ? sp.GetRequiredService<NpgsqlDataSource>()
                : BisDataSource.Create(options.OwnerConnectionString);
        });
        services.AddSingleton<Migrator>();
        services.AddSingleton<DatabaseRetry>();
        return services;
    }
}

public static class BisDataSource
{
    /// <summary>
    /// Service key of the schema owner's data source. Feed loads write through it: a first load into empty
    /// tables drops and rebuilds their indexes and foreign keys, and ANALYZEs them, which only the owner may.
    /// </summary>
    public const string OwnerKey = "owner";

    /// <summary>
    /// Memory a session may keep its temporary tables in. A feed run stages its input in temp tables
    /// (150 MB for 340,000 violations, 300 MB for a city's index rows); at PostgreSQL's default of 8 MB
    /// every pass over them went through the kernel's page cache, and filling one took three times as
    /// long. Sessions that use no temp table never allocate it.
    /// </summary>
    public const string TempBuffers = "512MB";

    public static NpgsqlDataSource Create(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        // Must be set when the session starts: PostgreSQL refuses it once a temp table has been used.
        connection.Options = $"{connection.Options} -c temp_buffers={TempBuffers}".Trim();
        var builder = new NpgsqlDataSourceBuilder(connection.ConnectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }
}
