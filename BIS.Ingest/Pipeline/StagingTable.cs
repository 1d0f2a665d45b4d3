using System.Globalization;
using BIS.Domain.Feeds;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// The per-run staging table: a temporary table dropped at commit, filled by binary COPY straight from
/// the reader's stream (see <see cref="Fill"/>), so the whole input is in the database before resolution
/// and merge start.
/// </summary>
public static class StagingTable
{
    public const string CreateSql = """
        CREATE TEMP TABLE stage (
            seq              bigint NOT NULL,
            feed             text,
            line_number      bigint NOT NULL,
            record_id        text NOT NULL,
            parcel_id        text,
            address_id       text,
            address_text     text,
            address_key      text,
            street           text,
            number_low       int,
            number_high      int,
            zip              text,
            location         geometry(Point, 4326),
            parcel_shape     geometry(Geometry, 4326),
            footprint        geometry(Geometry, 4326),
            attrs            jsonb NOT NULL,
            as_of            timestamptz,
            content_hash     text NOT NULL,
            row_fingerprint  bytea,
            warnings         text[],
            building_id      bigint,
            match_method     text,
            match_confidence real,
            unmatched_reason text,
            address_ambiguity text,  -- the buildings an address rung could not choose between (EntityResolver)
            unchanged        boolean NOT NULL DEFAULT false
        ) ON COMMIT DROP
        """;

    private const string CopySql = """
        COPY stage (seq, line_number, record_id, parcel_id, address_id, address_text, address_key, street,
                    number_low, number_high, zip, location, parcel_shape, footprint, attrs, as_of, content_hash,
                    row_fingerprint, warnings)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Counts of one staging pass.</summary>
    /// <param name="Kept">Accepted rows unchanged since the last load: counted, not staged (<see cref="UnchangedRow"/>).</param>
    /// <param name="RecordIds">The id of every accepted row, staged or kept: what the input still has.</param>
    /// <param name="RejectedIds">The ids of rejected rows that could be read (<see cref="RejectedRow.RecordId"/>): their current records stay as they are.</param>
    /// <param name="Warned">Staged records with warnings, superseded ones included (see <see cref="CountWarnedAsync"/>).</param>
    public sealed record Counts(long Read, long Accepted, long Rejected, long Kept, IReadOnlySet<string> RecordIds, IReadOnlySet<string> RejectedIds, long Warned)
    {
        /// <summary>Every id the input names, rows accepted or not: current records with any other id are gone.</summary>
        public IReadOnlySet<string> NamedIds => RejectedIds.Count == 0 ? RecordIds : RecordIds.Union(RejectedIds, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Streams the reader's output into the stage table as it is yielded; rejected rows go to
    /// <paramref name="rejected"/>. Call <see cref="IndexAsync"/> before querying the table.
    /// </summary>
    public static Counts Fill(NpgsqlConnection connection, IEnumerable<ReadItem> items, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        var recordIds = new HashSet<string>(StringComparer.Ordinal);
        var rejectedIds = new HashSet<string>(StringComparer.Ordinal);
        using (var create = new NpgsqlCommand(CreateSql, connection))
        {
            create.ExecuteNonQuery();
        }

        long accepted = 0;
        long kept = 0;
        long warned = 0;
        var wkb = new WKBWriter();
        using (var writer = connection.BeginBinaryImport(CopySql))
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (item)
                {
                    case RejectedRow row:
                        rejected.Add(row);
                        if (row.RecordId is { } rejectedId)
                        {
                            rejectedIds.Add(rejectedId);
                        }

                        break;
                    case StagedRecord record:
                        accepted++;
                        warned += record.Warnings is { Count: > 0 } ? 1 : 0;
                        recordIds.Add(record.RecordId);
                        WriteRow(writer, record, accepted, wkb);
                        break;
                    case UnchangedRow row:
                        kept++;
                        recordIds.Add(row.RecordId);
                        break;
                }
            }

            writer.Complete();
        }

        return new Counts(accepted + kept + rejected.Count, accepted + kept, rejected.Count, kept, recordIds, rejectedIds, warned);
    }

    /// <summary>Indexes and analyzes a filled stage table for the joins of linkage and merge.</summary>
    public static async Task IndexAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var analyze = new NpgsqlCommand("CREATE INDEX ON stage (record_id); ANALYZE stage", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Staged records that carry warnings, once superseded rows are removed: read from the stage only when
    /// the reader staged any (<paramref name="staged"/>), which spares most runs a pass over it.
    /// </summary>
    public static async Task<long> CountWarnedAsync(NpgsqlConnection connection, Counts staged, CancellationToken cancellationToken)
    {
        if (staged.Warned == 0)
        {
            return 0;
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM stage WHERE warnings IS NOT NULL", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The temp table <c>stage_rejected</c>: ids of rejected rows, whose records the merge of a feed that is not
    /// building-linked (assessing, hydrants) must not delete as absent from the input.
    /// </summary>
    public static Task StageRejectedIdsAsync(NpgsqlConnection connection, IEnumerable<string> recordIds, CancellationToken cancellationToken) =>
        StageIdsAsync(connection, "stage_rejected", recordIds, cancellationToken);

    /// <summary>
    /// The temp table <c>stage_gone</c>: current records whose ids the input no longer has. Rows kept
    /// unchanged are not staged, so "absent from stage" no longer means "gone"; this list does.
    /// </summary>
    public static Task StageGoneAsync(NpgsqlConnection connection, IEnumerable<string> recordIds, CancellationToken cancellationToken) =>
        StageIdsAsync(connection, "stage_gone", recordIds, cancellationToken);

    private static async Task StageIdsAsync(NpgsqlConnection connection, string table, IEnumerable<string> recordIds, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {table} (record_id text PRIMARY KEY) ON COMMIT DROP", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {table} (record_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var id in recordIds)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand($"ANALYZE {table}", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void WriteRow(NpgsqlBinaryImporter writer, StagedRecord record, long seq, WKBWriter wkb)
    {
        var attrs = RecordJson.Serialize(record.Attributes);
        var address = record.Address;
        string?[] content =
        [
            attrs,
            record.ParcelId,
            record.AddressId,
            record.AddressText,
            address?.Key,
            address?.Zip,
            record.Location is null ? null : FormattableString.Invariant($"{record.Location.X:F7},{record.Location.Y:F7}"),
            GeometryHash(record.ParcelShape, wkb),
            GeometryHash(record.Footprint, wkb),
            record.AsOf?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ];
        // Warnings are part of what is stored (a rating of 7 becoming 9 is still "unknown", but the warning
        // says which); a record without any keeps the fingerprint it had before warnings were kept.
        var hash = RecordJson.Fingerprint(record.Warnings is { } warnings ? [.. content, .. warnings] : content);

        writer.StartRow();
        writer.Write(seq, NpgsqlDbType.Bigint);
        writer.Write(record.LineNumber, NpgsqlDbType.Bigint);
        writer.Write(record.RecordId, NpgsqlDbType.Text);
        WriteText(writer, record.ParcelId);
        WriteText(writer, record.AddressId);
        WriteText(writer, record.AddressText);
        WriteText(writer, address?.Key);
        WriteText(writer, address?.Street);
        WriteInt(writer, address?.NumberLow);
        WriteInt(writer, address?.NumberHigh ?? address?.NumberLow);
        WriteText(writer, address?.Zip);
        WriteGeometry(writer, record.Location);
        WriteGeometry(writer, record.ParcelShape);
        WriteGeometry(writer, record.Footprint);
        writer.Write(attrs, NpgsqlDbType.Jsonb);
        if (record.AsOf is { } asOf)
        {
            writer.Write(asOf.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }
        else
        {
            writer.WriteNull();
        }

        writer.Write(hash, NpgsqlDbType.Text);
        if (record.RowFingerprint is { } rowFingerprint)
        {
            writer.Write(rowFingerprint.ToBytes(), NpgsqlDbType.Bytea);
        }
        else
        {
            writer.WriteNull();
        }

        if (record.Warnings is { Count: > 0 } recordWarnings)
        {
            writer.Write(recordWarnings.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static string? GeometryHash(Geometry? geometry, WKBWriter wkb) =>
        geometry is null ? null : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(wkb.Write(geometry)).AsSpan(0, 12));

    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteInt(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value.Value, NpgsqlDbType.Integer);
        }
    }

    private static void WriteGeometry(NpgsqlBinaryImporter writer, Geometry? geometry)
    {
        if (geometry is null)
        {
            writer.WriteNull();
            return;
        }

        if (geometry.SRID != 4326)
        {
            geometry = geometry.Copy();
            geometry.SRID = 4326;
        }

        writer.Write(geometry, NpgsqlDbType.Geometry);
    }

    /// <summary>The feeds whose records link to buildings through the resolution ladder.</summary>
    public static bool IsBuildingLinked(FeedKind feed) => feed is not (FeedKind.Assessing or FeedKind.Hydrants);
}
