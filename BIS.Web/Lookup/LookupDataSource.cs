using BIS.Ingest.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Lookup;

/// <summary>
/// The connections lookups and tiles read through. Their few statements run thousands of times a
/// minute, and planning the search took longer than running it, so Npgsql prepares them on the server
/// after their second use. Kept apart from the shared data source on purpose: feed runs create and
/// drop staging tables, and a statement prepared against one would fail when its shape changes.
/// </summary>
public static class LookupDataSource
{
    public const string Key = "lookup";

    public static IServiceCollection AddLookupDataSource(this IServiceCollection services) =>
        services.AddKeyedSingleton(Key, (sp, _) =>
        {
            var builder = new NpgsqlConnectionStringBuilder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
            if (builder.MaxAutoPrepare == 0)
            {
                builder.MaxAutoPrepare = 32;
                builder.AutoPrepareMinUsages = 2;
            }

            builder.ApplicationName ??= "bis-lookup";
            return BisDataSource.Create(builder.ConnectionString);
        });
}
