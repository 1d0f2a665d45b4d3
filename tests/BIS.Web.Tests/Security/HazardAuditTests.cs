using System.Net;
using System.Security.Claims;
using BIS.Ingest.Database;
using BIS.TestSupport;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace BIS.Web.Tests.Security;

/// <summary>Views written in group commits: every one recorded with where it came from, and none served when it cannot be.</summary>
public sealed class HazardAuditTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Views_made_at_once_are_each_written_with_their_user_building_incident_and_origin()
    {
        // Incidents 1..300 exist (a fresh database numbers them from 1): only real incidents are written.
        await _database.ScalarAsync<long>(
            "WITH made AS (INSERT INTO incident (address_text, incident_type, opened_by) SELECT 'test', 'fire', 'test' FROM generate_series(1, 300) RETURNING 1) SELECT count(*) FROM made");
        await using (var audit = new HazardAudit(_database.DataSource, new DatabaseRetry(NullLogger<DatabaseRetry>.Instance), NullLogger<HazardAudit>.Instance))
        {
            await Task.WhenAll(Enumerable.Range(1, 300).Select(i =>
                audit.RecordViewAsync(User($"user{i % 7}", BisRoles.Dispatcher), Origin(i), 1000 + i, i % 3 == 0 ? i : null, CancellationToken.None)));
        }

        Assert.Equal(300L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'view-hazards'"));
        Assert.Equal(300L, await _database.ScalarAsync<long>("SELECT count(DISTINCT building_id) FROM audit_log"));
        Assert.Equal(100L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE incident_id = building_id - 1000"));
        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE actor <> 'user' || ((building_id - 1000) % 7) OR actor_role <> 'dispatcher'"));
        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE client_address IS DISTINCT FROM ('192.0.2.' || (building_id - 1000) % 250)::inet OR user_agent IS DISTINCT FROM 'agent ' || (building_id - 1000)"));
    }

    [Fact]
    public async Task An_incident_id_that_does_not_exist_is_not_written()
    {
        var real = await _database.ScalarAsync<long>("INSERT INTO incident (address_text, incident_type, opened_by) VALUES ('test', 'fire', 'test') RETURNING incident_id");
        await using (var audit = new HazardAudit(_database.DataSource, new DatabaseRetry(NullLogger<DatabaseRetry>.Instance), NullLogger<HazardAudit>.Instance))
        {
            await audit.RecordViewAsync(User("dispatcher", BisRoles.Dispatcher), ClientOrigin.Unknown, 5001, real, CancellationToken.None);
            await audit.RecordViewAsync(User("dispatcher", BisRoles.Dispatcher), ClientOrigin.Unknown, 5002, real + 9999, CancellationToken.None);
        }

        Assert.Equal(real, await _database.ScalarAsync<long>("SELECT incident_id FROM audit_log WHERE building_id = 5001"));
        // The view itself is on record; the made-up incident is not.
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE building_id = 5002 AND incident_id IS NULL"));
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE incident_id = {real + 9999}"));
    }

    [Fact]
    public async Task A_view_that_cannot_be_written_fails_instead_of_being_served()
    {
        // Nothing listens on port 1: every batch fails, and so must every caller in it.
        await using var unreachable = BisDataSource.Create("Host=127.0.0.1;Port=1;Database=bis;Username=bis;Password=bis;Timeout=2");
        await using var audit = new HazardAudit(unreachable, new DatabaseRetry(NullLogger<DatabaseRetry>.Instance), NullLogger<HazardAudit>.Instance);

        var views = Enumerable.Range(1, 5).Select(i => audit.RecordViewAsync(User("dispatcher", BisRoles.Dispatcher), ClientOrigin.Unknown, i, null, CancellationToken.None)).ToList();

        foreach (var view in views)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => view.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    private static ClientOrigin Origin(int i) => new(IPAddress.Parse("192.0.2." + (i % 250)), "agent " + i);

    private static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
