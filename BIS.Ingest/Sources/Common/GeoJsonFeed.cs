using System.Text.Json;
using BIS.Domain.Geo;
using BIS.Ingest.Pipeline;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// One GeoJSON FeatureCollection input, feature by feature, so that one broken feature is rejected on its
/// own instead of failing the file. Geometries come out WGS84 with SRID 4326; a layer written in
/// Massachusetts State Plane feet (as some City of Boston exports are) is converted.
/// </summary>
public static class GeoJsonFeed
{
    private const int MaxRawTextLength = 4000;

    private static readonly JsonSerializerOptions GeometryOptions = new()
    {
        Converters = { new GeoJsonConverterFactory(Wgs84.Factory) },
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Refuses a missing, empty, non-JSON file or one without a "features" array.</summary>
    /// <param name="file">The input.</param>
    /// <param name="bounds">How long the features' properties may be (<see cref="GeoJsonItem.Property"/>).</param>
    /// <param name="cancellationToken">Checked between features.</param>
    public static IEnumerable<GeoJsonItem> Features(FeedFile file, FieldBounds bounds, CancellationToken cancellationToken)
    {
        using var document = Parse(file);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("features", out var features)
            || features.ValueKind != JsonValueKind.Array)
        {
            throw new FeedRefusedException($"{file.Location} ({file.Role}) is not a GeoJSON FeatureCollection");
        }

        if (features.GetArrayLength() == 0)
        {
            throw new FeedRefusedException($"{file.Location} ({file.Role}) is empty: a FeatureCollection with no features");
        }

        var declaredStatePlane = DeclaresStatePlane(document.RootElement);
        long index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            index++;
            file.Progress?.RowRead();
            yield return ReadFeature(index, feature, declaredStatePlane, bounds);
        }
    }

    private static JsonDocument Parse(FeedFile file)
    {
        try
        {
            return FeedText.ParseJson(file, DocumentOptions) ?? throw new FeedRefusedException($"{file.Location} ({file.Role}) is empty");
        }
        catch (JsonException e)
        {
            throw new FeedRefusedException($"{file.Location} ({file.Role}) is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// The feature as written; a long one (a harbor island's coastline) keeps its properties whole and
    /// summarises the geometry, since the properties are what the steward needs to recognise it.
    /// </summary>
    private static string RawText(JsonElement feature)
    {
        var raw = feature.GetRawText();
        if (raw.Length <= MaxRawTextLength || feature.ValueKind != JsonValueKind.Object)
        {
            return raw.Length <= MaxRawTextLength ? raw : string.Concat(raw.AsSpan(0, MaxRawTextLength), "…(truncated)");
        }

        var properties = feature.TryGetProperty("properties", out var p) ? p.GetRawText() : "null";
        var geometryType = feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
                           && g.TryGetProperty("type", out var t) ? t.ToString() : "unknown";
        var summary = $$"""{"type":"Feature","properties":{{properties}},"geometry":"{{geometryType}}, {{raw.Length:N0}} characters, omitted"}""";
        return summary.Length <= MaxRawTextLength * 2 ? summary : string.Concat(summary.AsSpan(0, MaxRawTextLength * 2), "…(truncated)");
    }

    private static bool DeclaresStatePlane(JsonElement root) =>
        root.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object
        && crs.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
        && props.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
        && (name.GetString() ?? string.Empty).Contains("2249", StringComparison.Ordinal);

    private static GeoJsonItem ReadFeature(long index, JsonElement feature, bool declaredStatePlane, FieldBounds bounds)
    {
        var raw = RawText(feature);

        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (feature.ValueKind != JsonValueKind.Object)
        {
            return new GeoJsonItem(index, properties, null, "not a GeoJSON feature object", raw, bounds);
        }

        if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in props.EnumerateObject())
            {
                properties.TryAdd(p.Name.Trim(), p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => p.Value.GetRawText(),
                });
            }
        }

        if (!feature.TryGetProperty("geometry", out var geometryJson) || geometryJson.ValueKind == JsonValueKind.Null)
        {
            return new GeoJsonItem(index, properties, null, null, raw, bounds);
        }

        Geometry? geometry;
        try
        {
            geometry = geometryJson.Deserialize<Geometry>(GeometryOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return new GeoJsonItem(index, properties, null, $"geometry is not valid GeoJSON: {e.Message}", raw, bounds);
        }

        if (geometry is null || geometry.IsEmpty)
        {
            return new GeoJsonItem(index, properties, null, null, raw, bounds);
        }

        var envelope = geometry.EnvelopeInternal;
        if (declaredStatePlane || MassStatePlane.LooksLikeFeet(envelope.MinX, envelope.MinY))
        {
            geometry = MassStatePlane.ToWgs84(geometry);
        }
        else if (envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90)
        {
            return new GeoJsonItem(index, properties, null, "geometry coordinates are neither WGS84 nor Massachusetts State Plane feet", raw, bounds);
        }

        return new GeoJsonItem(index, properties, geometry, null, raw, bounds);
    }
}

/// <summary>One feature: its properties as text, its WGS84 geometry (null when absent or broken) and why it is broken.</summary>
/// <param name="Index">1-based position of the feature in the collection (the "line" of a JSON input).</param>
/// <param name="Bounds">How long its properties may be.</param>
public sealed record GeoJsonItem(
    long Index, IReadOnlyDictionary<string, string?> Properties, Geometry? Geometry, string? GeometryProblem, string RawText, FieldBounds Bounds)
{
    private BoundedFields? _read;

    /// <summary>Free text of this feature that was cut; null when none was.</summary>
    public IReadOnlyList<string>? Warnings => _read?.Warnings.Items;

    /// <summary>Why the feature cannot be used: an identifier or address read from it was too long; null when none was.</summary>
    public string? Overlong => _read?.Overlong;

    /// <summary>
    /// The first of <paramref name="names"/> present with a non-blank value, trimmed and held to the bound of
    /// <paramref name="kind"/> (<see cref="BoundedFields"/>): null, with the reason in <see cref="Overlong"/>,
    /// when it is an identifier or address too long to be one.
    /// </summary>
    public string? Property(FieldKind kind, params string[] names)
    {
        foreach (var name in names)
        {
            if (Properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return (_read ??= new BoundedFields(Bounds)).Read(name, value, kind);
            }
        }

        return null;
    }
}
