using BIS.Ingest.Database;
using BIS.Ingest.Retention;
using BIS.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Tests.Retention;

/// <summary>
/// Nightly pruning on a ledger with every kind of run worth keeping, run as the app's runtime role (which
/// may only insert and read audit rows), with and without the owner's connection. In a cluster of its
/// own: the shared test cluster's role may not create roles.
/// </summary>
public sealed class RetentionTests(PrivateCluster cluster) : IClassFixture<PrivateCluster>, IAsyncLifetime
{
    private const string RuntimeRole = "bis_runtime";

    private readonly TestDatabase _database = new(cluster.AdminConnectionString);
    private readonly Dictionary<string, long> _runs = [];

    private string RuntimeConnectionString => new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = RuntimeRole }.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await ExecuteAsync(
            $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RuntimeRole}') THEN CREATE ROLE {RuntimeRole} LOGIN; END IF;
            END $$;
            -- As migration 0012 adds it (a run naming the run it accepts); this tree may not have it yet.
            ALTER TABLE feed_run ADD COLUMN IF NOT EXISTS accepts_run_id bigint REFERENCES feed_run;
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {RuntimeRole};
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {RuntimeRole};
            REVOKE UPDATE, DELETE ON audit_log FROM {RuntimeRole};
            """);

        // Violations, oldest first. Kept: the last 2 runs that read an input, the last good runs, runs still named.
        await RunAsync("v0-running", "violations", "running", daysAgo: 600);
        await RunAsync("v1-old", "violations", "succeeded", daysAgo: 500, accepted: 5, rejected: 1, changed: 1);
        await RunAsync("v2-named-by-hydrant", "violations", "succeeded", daysAgo: 400, accepted: 5, rejected: 1);
        await RunAsync("v3-accepted-by-v4", "violations", "failed", daysAgo: 300);
        await RunAsync("v4-old", "violations", "refused", daysAgo: 200, accepts: "v3-accepted-by-v4");
        await RunAsync("v5-last-with-rows", "violations", "succeeded", daysAgo: 100, accepted: 7, rejected: 2, changed: 1);
        await RunAsync("v6-last-good", "violations", "unchanged", daysAgo: 95);
        await RunAsync("v7-recent", "violations", "refused", daysAgo: 80, rejected: 3);
        await RunAsync("v8-latest", "violations", "failed", daysAgo: 10, rejected: 1, changed: 1);
        await RunAsync("h1-only-run", "hydrants", "succeeded", daysAgo: 500, accepted: 3);
        await ExecuteAsync(
            $"""
            INSERT INTO hydrant (hydrant_id, in_service, attrs, location, line_number, content_hash, updated_run_id)
            VALUES ('H-1', true, jsonb_build_object(), ST_SetSRID(ST_MakePoint(-71.0365, 42.3675), 4326), 2, 'x', {_runs["v2-named-by-hydrant"]});
            INSERT INTO audit_log (at, actor, actor_role, action, building_id) VALUES
                (now() - interval '400 days', 'dispatcher', 'dispatcher', 'view-hazards', 1),
                (now() - interval '10 days', 'dispatcher', 'dispatcher', 'view-hazards', 2);
            """);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Pruning_keeps_the_last_good_and_latest_runs_and_every_run_still_named_and_deletes_the_rest()
    {
        var result = await PruneAsync(ownerConnectionString: _database.ConnectionString);

        Assert.Equal(new RetentionResult(RejectedRows: 2, ChangedBuildingRows: 2, FeedRuns: 2, AuditRows: 1, AuditRefused: false), result);
        Assert.Equal(
            ["h1-only-run", "v0-running", "v2-named-by-hydrant", "v3-accepted-by-v4", "v5-last-with-rows", "v6-last-good", "v7-recent", "v8-latest"],
            await RemainingAsync("SELECT run_id FROM feed_run"));
        Assert.Equal(["v5-last-with-rows", "v7-recent", "v8-latest"], await RemainingAsync("SELECT DISTINCT run_id FROM rejected_row"));
        Assert.Equal(["v8-latest"], await RemainingAsync("SELECT DISTINCT run_id FROM run_changed_building"));
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT building_id FROM audit_log"));

        // The next night finds nothing more to delete, and v3 goes once nothing names it.
        Assert.Equal(new RetentionResult(0, 0, 1, 0, false), await PruneAsync(ownerConnectionString: _database.ConnectionString));
        Assert.DoesNotContain("v3-accepted-by-v4", await RemainingAsync("SELECT run_id FROM feed_run"));
    }

    [Fact]
    public async Task Without_the_owners_connection_audit_rows_are_refused_to_the_runtime_role_and_the_rest_is_still_pruned()
    {
        var result = await PruneAsync(ownerConnectionString: null);

        Assert.True(result.AuditRefused);
        Assert.Equal(0, result.AuditRows);
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.Equal((2L, 2L, 2L), (result.RejectedRows, result.ChangedBuildingRows, result.FeedRuns));
    }

    private async Task<RetentionResult> PruneAsync(string? ownerConnectionString)
    {
        await using var runtime = BisDataSource.Create(RuntimeConnectionString);
        // As DI wires it: the owner's data source, or the runtime one again when no owner is configured.
        await using var owner = ownerConnectionString is null ? null : BisDataSource.Create(ownerConnectionString);
        var options = new RetentionOptions
        {
            AuditLogDays = 365,
            RejectedRowRunsPerFeed = 2,
            RunChangedBuildingDays = 30,
            FeedRunDays = 90,
        };
        return await new RetentionPruner(runtime, owner ?? runtime, Options.Create(options), TimeProvider.System, NullLogger<RetentionPruner>.Instance)
            .PruneAsync(CancellationToken.None);
    }

    private async Task RunAsync(string name, string feed, string status, int daysAgo, long accepted = 0, int rejected = 0, int changed = 0, string? accepts = null)
    {
        await using var command = _database.DataSource.CreateCommand(
            """
            INSERT INTO feed_run (feed, trigger, started_at, finished_at, status, rows_accepted, accepts_run_id)
            VALUES (@feed, 'test', now() - make_interval(days => @days), now() - make_interval(days => @days), @status, @accepted, @accepts)
            RETURNING run_id
            """);
        command.Parameters.AddWithValue("feed", feed);
        command.Parameters.AddWithValue("days", daysAgo);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("accepted", accepted);
        command.Parameters.AddWithValue("accepts", accepts is null ? DBNull.Value : _runs[accepts]);
        var run = (long)(await command.ExecuteScalarAsync())!;
        _runs[name] = run;
        await ExecuteAsync(
            $"""
            INSERT INTO rejected_row (run_id, line_number, reason, raw_text) SELECT {run}, n, 'test', 'row' FROM generate_series(1, {rejected}) n;
            INSERT INTO run_changed_building (run_id, building_id) SELECT {run}, n FROM generate_series(1, {changed}) n;
            """);
    }

    /// <summary>The names of the runs a query returns, sorted.</summary>
    private async Task<List<string>> RemainingAsync(string runIds)
    {
        var names = new List<string>();
        await using var command = _database.DataSource.CreateCommand(runIds);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt64(0);
            names.Add(_runs.Single(r => r.Value == id).Key);
        }

        return names.Order(StringComparer.Ordinal).ToList();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
