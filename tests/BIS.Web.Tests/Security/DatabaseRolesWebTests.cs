using BIS.Ingest.Database;
using BIS.TestSupport;
using BIS.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Web.Tests.Security;

/// <summary>BIS.Web serves requests as the runtime role, for which the audit log is append-only, and loads feeds as the owner.</summary>
public sealed class DatabaseRolesWebTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    [Fact]
    public async Task The_apps_own_connections_cannot_update_or_delete_an_audit_row()
    {
        var app = factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var insert = app.CreateCommand("INSERT INTO audit_log (actor, actor_role, action) VALUES ('dispatcher', 'dispatcher', 'view-hazards')"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'nobody'", "DELETE FROM audit_log" })
        {
            await using var command = app.CreateCommand(sql);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal((TestDatabase.RuntimeRole, true), await AuditLogProtectionCheck.ReadAsync(app, CancellationToken.None));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor = 'nobody'"));
    }

    [Fact]
    public async Task The_check_at_start_tells_one_role_for_everything_from_the_runtime_role()
    {
        var owner = factory.Services.GetRequiredKeyedService<NpgsqlDataSource>(BisDataSource.OwnerKey);

        Assert.False((await AuditLogProtectionCheck.ReadAsync(owner, CancellationToken.None)).AppendOnly);
        Assert.True((await AuditLogProtectionCheck.ReadAsync(factory.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None)).AppendOnly);
    }

    [Fact]
    public async Task The_feeds_were_loaded_by_the_owner_into_empty_tables()
    {
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM feed_run WHERE status NOT IN ('succeeded', 'unchanged')"));
        Assert.Equal(2L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM feed_run WHERE status = 'succeeded'"));
        Assert.True(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM hazard_index") > 0);
    }
}
