using System.Text.Json;
using System.Text.RegularExpressions;
using BIS.Domain.Addresses;
using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.Inspections;

/// <summary>
/// Inspections and pre-incident plans from the fire prevention API: one or more page files (role "plans")
/// of the shape <c>{ "items": [ … ], "next": url | null }</c>, fetched by the pipeline. Record id planId;
/// AsOf inspectedOn. The "line" of an item is its 1-based index across the run's pages, in file order.
/// </summary>
/// <remarks>
/// Field decisions: an item is rejected only without planId, without any locator (address, parcelId,
/// samId, coordinates), or with an id or address longer than any real one (<see cref="FieldBounds"/>); the
/// occupancy name, the FDC, Knox box and alarm panel locations and the notes past the configured length are
/// cut, with a warning. Values of the wrong type or outside their vocabulary are read as unknown: sprinkler
/// other than full/partial/none → Unknown; constructionType not I-A…V-B → null; vacantMarking other than
/// "", "/", "X" → null; negative battery kWh → null; unparsable inspectedOn → null.
/// </remarks>
public sealed partial class InspectionsReader(CoordinateCleaner coordinates, FieldBounds bounds) : IFeedReader
{
    public const string Role = "plans";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public FeedKind Feed => FeedKind.Inspections;

    public IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken)
    {
        var files = input.Required(Feed, Role);
        var batch = new RecordBatch(input.Known);
        long index = 0;
        foreach (var file in files)
        {
            using var document = Parse(file);
            var source = files.SourceName(file);
            batch.BeginInput(header: []);
            foreach (var item in Items(file, document.RootElement))
            {
                cancellationToken.ThrowIfCancellationRequested();
                index++;
                var raw = item.GetRawText();
                if (!batch.KeepIfUnchanged(index, raw, source))
                {
                    Map(index, item, raw, batch, source);
                }
            }
        }

        if (index == 0)
        {
            throw new FeedRefusedException($"The {Feed.Slug()} input is empty: no plan items in {string.Join(", ", files.Select(f => f.Location))}");
        }

        return batch.Items;
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

    private static JsonElement.ArrayEnumerator Items(FeedFile file, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray();
        }

        if (root.ValueKind == JsonValueKind.Object && JsonItemFields.Property(root, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            return items.EnumerateArray();
        }

        throw new FeedRefusedException($"{file.Location} ({file.Role}) is not a page of plans: expected {{ \"items\": [ … ], \"next\": … }}");
    }

    private void Map(long index, JsonElement item, string raw, RecordBatch batch, string? source)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            batch.Reject(index, "item is not a JSON object", raw);
            return;
        }

        if (NulText.In(item, raw))
        {
            batch.Reject(index, $"item {NulText.Problem}", raw);
            return;
        }

        var fields = new JsonItemFields(item, bounds);
        var planId = SourceIds.IdText(fields.Read("planId", FieldKind.Identifier));
        if (planId is null)
        {
            batch.Reject(index, fields.Overlong ?? "missing planId", raw);
            return;
        }

        var addressText = FieldParser.Text(fields.Read("address", FieldKind.Address));
        var address = AddressNormalizer.Normalize(addressText);
        var parcelId = SourceIds.Pid10(fields.Read("parcelId", FieldKind.Identifier));
        var samId = SourceIds.IdText(fields.Read("samId", FieldKind.Identifier));
        var coordinate = coordinates.FromLatLon(fields.AsWritten("latitude"), fields.AsWritten("longitude"));
        // An over-long locator reads as absent: the reason is its length, not that the plan cannot be located.
        if ((fields.Overlong ?? Locating.CannotBeLocated(address, coordinate, parcelId, samId)) is { } unusable)
        {
            batch.Reject(index, unusable, raw, planId);
            return;
        }

        var warnings = fields.Warnings;
        if (ReplacedBytes.In(raw))
        {
            warnings.AddWhole(ReplacedBytes.Warning($"item {index}", item.EnumerateObject()
                .Where(p => ReplacedBytes.In(p.Name) || ReplacedBytes.In(p.Value.GetRawText())).Select(p => p.Name)));
        }

        Locating.WarnOfUnusedCoordinates(warnings, coordinate);
        var inspectedOn = warnings.Date("inspectedOn", fields.AsWritten("inspectedOn"));
        var plan = new InspectionRecord
        {
            PlanId = planId,
            InspectedOn = inspectedOn,
            OccupancyName = FieldParser.Text(fields.Read("occupancyName", FieldKind.Text)),
            ConstructionType = Checked(fields, "constructionType", ConstructionType, "is not an IBC construction type (I-A … V-B)"),
            Sprinkler = Checked(fields, "sprinkler", Sprinkler, "is not FULL, PARTIAL or NONE") ?? SprinklerCoverage.Unknown,
            Standpipe = warnings.Bool("standpipe", fields.AsWritten("standpipe")),
            FdcLocation = FieldParser.Text(fields.Read("fdcLocation", FieldKind.Text)),
            KnoxBoxLocation = FieldParser.Text(fields.Read("knoxBoxLocation", FieldKind.Text)),
            AlarmPanelLocation = FieldParser.Text(fields.Read("alarmPanelLocation", FieldKind.Text)),
            TrussRoof = warnings.Bool("trussRoof", fields.AsWritten("trussRoof")),
            SolarPanels = warnings.Bool("solarPv", fields.AsWritten("solarPv")),
            BatteryStorageKwh = warnings.Decimal("batteryStorageKwh", fields.AsWritten("batteryStorageKwh"), min: 0),
            VacantMarking = fields.AsWritten("vacantMarking")?.Trim() is "" ? string.Empty
                : Checked(fields, "vacantMarking", VacantMarking, "is not a vacant-building marking (/ or X)"),
            Notes = fields.Read("notes", FieldKind.Text),
        };

        batch.Stage(
            new StagedRecord
            {
                LineNumber = index,
                RecordId = planId,
                Attributes = plan,
                ParcelId = parcelId,
                AddressId = samId,
                AddressText = addressText,
                Address = address,
                Location = coordinate.Point,
                AsOf = inspectedOn is { } d ? BostonTime.StartOf(d) : null,
                Warnings = warnings.Items,
            },
            Canonical(item),
            raw,
            source);
    }

    /// <summary>"I-A", "IA", "i a", "5B" (arabic) → "I-A" … "V-B"; anything else → null.</summary>
    internal static string? ConstructionType(string? text)
    {
        var match = ConstructionPattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var roman = match.Groups[1].Value.ToUpperInvariant() switch
        {
            "1" => "I",
            "2" => "II",
            "3" => "III",
            "4" => "IV",
            "5" => "V",
            var r => r,
        };
        var letter = match.Groups[2].Value.ToUpperInvariant();
        // IBC Type IV is IV-A, IV-B, IV-C and IV-HT; the other types are A or B only.
        var valid = roman == "IV" ? letter is "A" or "B" or "C" or "HT" : letter is "A" or "B";
        return valid ? $"{roman}-{letter}" : null;
    }

    /// <summary>The property read by <paramref name="parse"/>; null, with a warning, when it is there but not understood.</summary>
    private static T? Checked<T>(JsonItemFields fields, string name, Func<string, T?> parse, string why)
    {
        var text = fields.AsWritten(name);
        if (FieldParser.IsBlank(text))
        {
            return default;
        }

        var value = parse(text!);
        if (value is null)
        {
            fields.Warnings.Add(name, text, why);
        }

        return value;
    }

    private static SprinklerCoverage? Sprinkler(string text) => text.Trim().ToUpperInvariant() switch
    {
        "FULL" => SprinklerCoverage.Full,
        "PARTIAL" => SprinklerCoverage.Partial,
        "NONE" => SprinklerCoverage.None,
        _ => null,
    };

    private static string? VacantMarking(string text) => text.Trim().ToUpperInvariant() switch
    {
        "/" => "/",
        "X" => "X",
        _ => null,
    };

    /// <summary>Content key that ignores formatting differences between two pages' renderings of one item.</summary>
    private static string Canonical(JsonElement item) =>
        string.Join('\u001f', item.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    [GeneratedRegex(@"^(IV|V|III|II|I|[1-5])\s*-?\s*(HT|[A-C])$", RegexOptions.IgnoreCase)]
    private static partial Regex ConstructionPattern();
}
