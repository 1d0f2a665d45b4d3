using System.Globalization;
using BIS.Domain.Feeds;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// The per-run staging table: a temporary table dropped at commit, filled by binary COPY straight from
/// the reader's stream, so the whole input is in the database before resolution and merge start.
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
            building_id      bigint,
            match_method     text,
            match_confidence real,
            unmatched_reason text,
            unchanged        boolean NOT NULL DEFAULT false
        ) ON COMMIT DROP
        """;

    private const string CopySql = """
        COPY stage (seq, line_number, record_id, parcel_id, address_id, address_text, address_key, street,
                    number_low, number_high, zip, location, parcel_shape, footprint, attrs, as_of, content_hash,
                    building_id, match_method, match_confidence, unchanged)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Counts of one staging pass.</summary>
    public sealed record Counts(long Read, long Accepted, long Rejected);

    /// <summary>Streams the reader's output into the stage table; rejected rows go to <paramref name="rejected"/>.</summary>
    public static Counts Fill(NpgsqlConnection connection, IEnumerable<ReadItem> items, List<RejectedRow> rejected, KnownRecords known, CancellationToken cancellationToken)
    {
        using (var create = new NpgsqlCommand(CreateSql, connection))
        {
            create.ExecuteNonQuery();
        }

        long accepted = 0;
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
                        break;
                    case StagedRecord record:
                        accepted++;
                        WriteRow(writer, record, accepted, wkb, known);
                        break;
                }
            }

            writer.Complete();
        }

        using (var analyze = new NpgsqlCommand("CREATE INDEX ON stage (record_id); ANALYZE stage", connection))
        {
            analyze.ExecuteNonQuery();
        }

        return new Counts(accepted + rejected.Count, accepted, rejected.Count);
    }

    private static void WriteRow(NpgsqlBinaryImporter writer, StagedRecord record, long seq, WKBWriter wkb, KnownRecords known)
    {
        var attrs = RecordJson.Serialize(record.Attributes);
        var address = record.Address;
        var hash = RecordJson.Fingerprint(
            attrs,
            record.ParcelId,
            record.AddressId,
            record.AddressText,
            address?.Key,
            address?.Zip,
            record.Location is null ? null : FormattableString.Invariant($"{record.Location.X:F7},{record.Location.Y:F7}"),
            GeometryHash(record.ParcelShape, wkb),
            GeometryHash(record.Footprint, wkb),
            record.AsOf?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

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

        if (known.UnchangedLink(record.RecordId, hash) is { } link)
        {
            writer.Write(link.BuildingId, NpgsqlDbType.Bigint);
            writer.Write(link.Method, NpgsqlDbType.Text);
            writer.Write(link.Confidence, NpgsqlDbType.Real);
            writer.Write(true, NpgsqlDbType.Boolean);
        }
        else
        {
            writer.WriteNull();
            writer.WriteNull();
            writer.WriteNull();
            writer.Write(false, NpgsqlDbType.Boolean);
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
