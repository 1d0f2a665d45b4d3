using System.Text.Json;
using Npgsql;

namespace BIS.Web.Units;

/// <summary>Reads a unit's outbox and records what its tablet did with each message. Every query is scoped to one unit.</summary>
public sealed class UnitMessages(NpgsqlDataSource dataSource, DispatchBoardNotice dispatchBoard)
{
    /// <summary>At most this many per Resume; the client asks again with the last number while it gets a full page.</summary>
    public const int Page = 500;

    /// <summary>The unit's messages after <paramref name="afterSeq"/>, in order; the ones not yet pushed are marked sent.</summary>
    public async Task<IReadOnlyList<UnitMessage>> AfterAsync(string unitId, long afterSeq, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH page AS (
                SELECT unit_id, seq FROM unit_message WHERE unit_id = @unit AND seq > @after ORDER BY seq LIMIT @page),
            sent AS (
                UPDATE unit_message m SET sent_at = now() FROM page
                WHERE m.unit_id = page.unit_id AND m.seq = page.seq AND m.sent_at IS NULL)
            SELECT m.unit_id, m.seq, m.kind, m.incident_id, m.created_at, m.body::text
            FROM unit_message m JOIN page USING (unit_id, seq) ORDER BY m.seq
            """);
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("after", afterSeq);
        command.Parameters.AddWithValue("page", Page);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The named messages (unit and number pairs), in order per unit.</summary>
    public async Task<IReadOnlyList<UnitMessage>> FindAsync(IReadOnlyList<(string UnitId, long Seq)> keys, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT m.unit_id, m.seq, m.kind, m.incident_id, m.created_at, m.body::text
            FROM unit_message m JOIN unnest(@units::text[], @seqs::bigint[]) AS k(unit_id, seq) USING (unit_id, seq)
            ORDER BY m.unit_id, m.seq
            """);
        command.Parameters.AddWithValue("units", keys.Select(k => k.UnitId).ToArray());
        command.Parameters.AddWithValue("seqs", keys.Select(k => k.Seq).ToArray());
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Messages of these units never pushed to a live connection (heard while this node's listener was away).</summary>
    public async Task<IReadOnlyList<UnitMessage>> UnsentAsync(IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT m.unit_id, m.seq, m.kind, m.incident_id, m.created_at, m.body::text
            FROM unit_message m WHERE m.unit_id = ANY(@units) AND m.sent_at IS NULL
            ORDER BY m.unit_id, m.seq LIMIT 5000
            """);
        command.Parameters.AddWithValue("units", unitIds.ToArray());
        return await ReadAsync(command, cancellationToken);
    }

    public async Task MarkSentAsync(IReadOnlyList<UnitMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE unit_message m SET sent_at = now()
            FROM unnest(@units::text[], @seqs::bigint[]) AS k(unit_id, seq)
            WHERE m.unit_id = k.unit_id AND m.seq = k.seq AND m.sent_at IS NULL
            """);
        command.Parameters.AddWithValue("units", messages.Select(m => m.UnitId).ToArray());
        command.Parameters.AddWithValue("seqs", messages.Select(m => m.Seq).ToArray());
        if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            // The console's delivery column shows "sent" as soon as it is true, not at the tablet's next acknowledgement.
            dispatchBoard.Request();
        }
    }

    /// <summary>The tablet stored everything up to <paramref name="seq"/>; <paramref name="shown"/>: the crew saw it too.</summary>
    public async Task<int> MarkAsync(string unitId, long seq, bool shown, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(shown
            ? """
              UPDATE unit_message SET shown_at = now(), received_at = coalesce(received_at, now())
              WHERE unit_id = @unit AND seq <= @seq AND shown_at IS NULL
              """
            : "UPDATE unit_message SET received_at = now() WHERE unit_id = @unit AND seq <= @seq AND received_at IS NULL");
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("seq", seq);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<UnitMessage>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<UnitMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var body = JsonDocument.Parse(reader.GetString(5));
            messages.Add(new UnitMessage(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4), body.RootElement.Clone()));
        }

        return messages;
    }
}
