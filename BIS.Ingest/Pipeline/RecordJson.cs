using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BIS.Domain.Feeds;
using BIS.Domain.Sources;

namespace BIS.Ingest.Pipeline;

/// <summary>How source records are stored in jsonb and read back for the hazard rules.</summary>
public static class RecordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Type RecordType(FeedKind feed) => feed switch
    {
        FeedKind.Assessing => typeof(ParcelRecord),
        FeedKind.BuildingPermits => typeof(PermitRecord),
        FeedKind.Violations => typeof(ViolationRecord),
        FeedKind.HazmatPermits => typeof(HazmatPermitRecord),
        FeedKind.FireIncidents => typeof(FireIncidentRecord),
        FeedKind.Hydrants => typeof(HydrantRecord),
        FeedKind.Inspections => typeof(InspectionRecord),
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, null),
    };

    public static string Serialize(object record) => JsonSerializer.Serialize(record, record.GetType(), Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is null.");

    /// <summary>A short stable fingerprint of a record's content, to tell changed rows from unchanged ones.</summary>
    public static string Fingerprint(params string?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p ?? "\u0000"));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexString(hash[..16]);
    }
}
