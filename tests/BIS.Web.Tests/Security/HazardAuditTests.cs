using System.Security.Claims;
using BIS.Ingest.Database;
using BIS.TestSupport;
using BIS.Web.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace BIS.Web.Tests.Security;

/// <summary>Views written in group commits: every one recorded, and none served when it cannot be.</summary>
public sealed class HazardAuditTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Views_made_at_once_are_each_written_with_their_user_building_and_incident()
    {
        await using (var audit = new HazardAudit(_database.DataSource, new DatabaseRetry(NullLogger<DatabaseRetry>.Instance), NullLogger<HazardAudit>.Instance))
        {
            await Task.WhenAll(Enumerable.Range(1, 300).Select(i =>
                audit.RecordViewAsync(User($"user{i % 7}", BisRoles.Dispatcher), 1000 + i, i % 3 == 0 ? i : null, CancellationToken.None)));
        }

        Assert.Equal(300L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'view-hazards'"));
        Assert.Equal(300L, await _database.ScalarAsync<long>("SELECT count(DISTINCT building_id) FROM audit_log"));
        Assert.Equal(100L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE incident_id = building_id - 1000"));
        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE actor <> 'user' || ((building_id - 1000) % 7) OR actor_role <> 'dispatcher'"));
    }

    [Fact]
    public async Task A_view_that_cannot_be_written_fails_instead_of_being_served()
    {
        // Nothing listens on port 1: every batch fails, and so must every caller in it.
        await using var unreachable = BisDataSource.Create("Host=127.0.0.1;Port=1;Database=bis;Username=bis;Password=bis;Timeout=2");
        await using var audit = new HazardAudit(unreachable, new DatabaseRetry(NullLogger<DatabaseRetry>.Instance), NullLogger<HazardAudit>.Instance);

        var views = Enumerable.Range(1, 5).Select(i => audit.RecordViewAsync(User("dispatcher", BisRoles.Dispatcher), i, null, CancellationToken.None)).ToList();

        foreach (var view in views)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => view.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    private static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
