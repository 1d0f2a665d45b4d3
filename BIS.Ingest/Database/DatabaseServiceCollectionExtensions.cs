using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the validated database options, one shared NpgsqlDataSource with PostGIS types, and how work is retried on a lost connection.</summary>
    public static IServiceCollection AddBisDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => BisDataSource.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddSingleton<Migrator>();
        services.AddSingleton<DatabaseRetry>();
        return services;
    }
}

public static class BisDataSource
{
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
