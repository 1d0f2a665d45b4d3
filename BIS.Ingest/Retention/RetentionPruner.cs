using BIS.Ingest.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Retention;

/// <summary>What one pruning removed; <see cref="AuditRefused"/> when the audit log could not be pruned by the role it used.</summary>
public sealed record RetentionResult(long RejectedRows, long ChangedBuildingRows, long FeedRuns, long AuditRows, bool AuditRefused);

/// <summary>
/// Deletes what <see cref="RetentionOptions"/> no longer keeps, in small batches so no statement holds
/// many locks or much WAL at once. The ledger is pruned last and most carefully: never a feed's last good
/// run (what "unchanged" and the row-count gate compare with), nor its latest runs, nor a run that any
/// other row still names — found in the catalog, so a reference added later (another run's
/// <c>accepts_run_id</c>, a table's <c>updated_run_id</c>) is honoured without changing this class.
/// </summary>
/// <param name="dataSource">The runtime role's: everything but the audit log.</param>
/// <param name="owner">The schema owner's (<see cref="BisDataSource.OwnerKey"/>; the runtime one when no owner is configured): the runtime role may not delete audit rows.</param>
public sealed class RetentionPruner(
    NpgsqlDataSource dataSource, [FromKeyedServices(BisDataSource.OwnerKey)] NpgsqlDataSource owner, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionPruner> logger)
{
    /// <summary>Runs per batch of rejected rows or changed buildings (one run can have hundreds of thousands).</summary>
    private const int RunsPerBatch = 10;

    private const int AuditRowsPerBatch = 10_000;

    /// <summary>The latest runs of each feed that read an input, and each feed's last good run: their rejected rows stay.</summary>
    private const string RunsKeepingRejections =
        """
        SELECT run_id FROM (
            SELECT run_id, row_number() OVER (PARTITION BY feed ORDER BY run_id DESC) AS n
            FROM feed_run WHERE status <> 'unchanged') latest
        WHERE n <= @runs
        UNION
        SELECT max(run_id) FROM feed_run WHERE status = 'succeeded' GROUP BY feed
        """;

    public async Task<RetentionResult> PruneAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var rejected = await InBatchesAsync(
            $"""
            WITH kept AS ({RunsKeepingRejections}), doomed AS (
                SELECT f.run_id FROM feed_run f
                WHERE NOT EXISTS (SELECT FROM kept WHERE kept.run_id = f.run_id)
                  AND EXISTS (SELECT FROM rejected_row x WHERE x.run_id = f.run_id)
                ORDER BY f.run_id LIMIT {RunsPerBatch})
            DELETE FROM rejected_row WHERE run_id IN (SELECT run_id FROM doomed)
            """,
            command => command.Parameters.AddWithValue("runs", o.RejectedRowRunsPerFeed),
            cancellationToken);

        var changed = await InBatchesAsync(
            $"""
            WITH doomed AS (
                SELECT f.run_id FROM feed_run f
                WHERE f.started_at < @cutoff AND f.status <> 'running'
                  AND EXISTS (SELECT FROM run_changed_building c WHERE c.run_id = f.run_id)
                ORDER BY f.run_id LIMIT {RunsPerBatch})
            DELETE FROM run_changed_building WHERE run_id IN (SELECT run_id FROM doomed)
            """,
            command => command.Parameters.AddWithValue("cutoff", now.AddDays(-o.RunChangedBuildingDays)),
            cancellationToken);

        var runs = await PruneLedgerAsync(now.AddDays(-o.FeedRunDays), o.RejectedRowRunsPerFeed, cancellationToken);
        var (audit, refused) = await PruneAuditAsync(now.AddDays(-o.AuditLogDays), cancellationToken);

        var result = new RetentionResult(rejected, changed, runs, audit, refused);
        logger.LogInformation(
            "Retention: deleted {Rejected} rejected rows, {Changed} changed-building rows, {Runs} ledger rows and {Audit} audit rows",
            rejected, changed, runs, audit);
        return result;
    }

    private async Task<long> PruneLedgerAsync(DateTimeOffset cutoff, int latestRuns, CancellationToken cancellationToken)
    {
        var guards = (await ReferencesToRunsAsync(cancellationToken))
            .Select(r => $"\n  AND NOT EXISTS (SELECT FROM {r.Table} g WHERE g.{r.Column} = r.run_id)");
        await using var command = dataSource.CreateCommand(
            $"""
            WITH latest AS (
                SELECT run_id FROM (SELECT run_id, row_number() OVER (PARTITION BY feed ORDER BY run_id DESC) AS n FROM feed_run) r
                WHERE n <= @runs),
            last_good AS (
                SELECT max(run_id) AS run_id FROM feed_run WHERE status IN ('succeeded', 'unchanged') GROUP BY feed
                UNION SELECT max(run_id) FROM feed_run WHERE status IN ('succeeded', 'unchanged') AND rows_accepted > 0 GROUP BY feed
                UNION SELECT max(run_id) FROM feed_run WHERE status = 'succeeded' GROUP BY feed)
            DELETE FROM feed_run r
            WHERE r.started_at < @cutoff AND r.status <> 'running'
              AND r.run_id NOT IN (SELECT run_id FROM latest)
              AND r.run_id NOT IN (SELECT run_id FROM last_good){string.Concat(guards)}
            """);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("runs", latestRuns);
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Every column that names a run: a bigint column called <c>…run_id</c> (building.updated_run_id has no
    /// foreign key) or any foreign key to feed_run, except those deleted with their run (ON DELETE CASCADE:
    /// rejected rows, changed buildings), which are no reason to keep it.
    /// </summary>
    private async Task<List<(string Table, string Column)>> ReferencesToRunsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT quote_ident(t.relname), quote_ident(a.attname)
            FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid
            WHERE t.relnamespace = current_schema()::regnamespace AND t.relkind IN ('r', 'p')
              AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = 'bigint'::regtype AND a.attname LIKE '%run\_id'
              AND NOT (t.relname = 'feed_run' AND a.attname = 'run_id')
              AND NOT EXISTS (SELECT FROM pg_constraint k
                              WHERE k.contype = 'f' AND k.confrelid = 'feed_run'::regclass AND k.confdeltype = 'c'
                                AND k.conrelid = t.oid AND a.attnum = ANY (k.conkey))
            UNION
            SELECT quote_ident(t.relname), quote_ident(a.attname)
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
            WHERE k.contype = 'f' AND k.confrelid = 'feed_run'::regclass AND k.confdeltype <> 'c'
            """);
        var references = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            references.Add((reader.GetString(0), reader.GetString(1)));
        }

        return references;
    }

    /// <summary>
    /// Through the owner's connection when one is configured: the app's runtime role may only insert and
    /// read audit rows. Refused (the runtime role and no owner connection): logged, and the rest still pruned.
    /// </summary>
    private async Task<(long Deleted, bool Refused)> PruneAuditAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await InBatchesAsync(
                $"DELETE FROM audit_log WHERE audit_id IN (SELECT audit_id FROM audit_log WHERE at < @cutoff LIMIT {AuditRowsPerBatch})",
                command => command.Parameters.AddWithValue("cutoff", cutoff),
                cancellationToken,
                owner);
            return (deleted, false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            logger.LogWarning(exception, "Audit rows older than {Cutoff:yyyy-MM-dd} were not deleted: this role may not delete them; set {Key}",
                cutoff, $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.OwnerConnectionString)}");
            return (0, true);
        }
    }

    /// <summary>Runs a batched DELETE until it deletes nothing; each batch commits on its own.</summary>
    private async Task<long> InBatchesAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken, NpgsqlDataSource? through = null)
    {
        long total = 0;
        while (true)
        {
            await using var command = (through ?? dataSource).CreateCommand(sql);
            bind(command);
            command.CommandTimeout = 0;
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            if (deleted == 0)
            {
                return total;
            }

            total += deleted;
        }
    }
}
