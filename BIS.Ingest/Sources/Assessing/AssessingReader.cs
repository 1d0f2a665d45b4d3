using System.Text.RegularExpressions;
using BIS.Domain.Addresses;
using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using C = BIS.Ingest.Sources.Assessing.AssessmentColumns;

namespace BIS.Ingest.Sources.Assessing;

/// <summary>
/// The building backbone: parcel polygons (role "parcels"), optional Boston Buildings footprints (role
/// "footprints") and the assessment table (role "assessment"), joined on the 10-character PID. One staged
/// record per PID found in any of them; record id and ParcelId are the PID. AsOf is null: the assessment
/// carries no date of its own.
/// </summary>
/// <remarks>
/// <para>Line numbers: a record's line is its assessment CSV line when it has one, otherwise the 1-based index of
/// its first parcel (or footprint) feature; rejected features and rows say in their reason which input they are
/// from.</para>
/// <para>Several parcel features with one PID are one parcel in several pieces: their polygons are unioned.
/// Footprints are unioned per PID taken from BLDG_ID (<c>Bos_&lt;PID10&gt;_B&lt;n&gt;</c>), not from the joined
/// assessing fields, which the source project sometimes attached to the wrong parcel.</para>
/// <para>Field decisions: YR_BUILT of 0, before 1600 or in the future is blank; floors outside 0–150 and negative
/// unit counts are blank; a row is rejected only for a missing or malformed PID, a broken CSV row, or an identifier,
/// address or code longer than any real one (<see cref="FieldBounds"/>). Such a row names its parcel, which is then
/// not staged from its shape alone: the building keeps its last good version. A parcel or footprint feature whose
/// id or address is that long is rejected like any other broken feature.</para>
/// </remarks>
public sealed partial class AssessingReader(FieldBounds bounds, TimeProvider clock) : IFeedReader
{
    public const string ParcelsRole = "parcels";
    public const string FootprintsRole = "footprints";
    public const string AssessmentRole = "assessment";

    private const string FootprintAddress = "address";

    public FeedKind Feed => FeedKind.Assessing;

    public IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken)
    {
        var parcelFiles = input.Required(Feed, ParcelsRole);
        var assessmentFiles = input.Required(Feed, AssessmentRole);
        var footprintFiles = input.WithRole(FootprintsRole).ToList();
        var thisYear = BostonTime.Today(clock).Year;

        var rejected = new List<ReadItem>();
        var parcels = ReadParcels(parcelFiles, rejected, cancellationToken);
        var footprints = ReadFootprints(footprintFiles, rejected, cancellationToken);
        var keptAsWere = new HashSet<string>(StringComparer.Ordinal);
        var assessments = ReadAssessments(assessmentFiles, rejected, keptAsWere, cancellationToken);

        var pids = assessments.Keys.Concat(parcels.Keys).Concat(footprints.Keys).Distinct(StringComparer.Ordinal)
            .Where(pid => !keptAsWere.Contains(pid));
        var staged = pids.Select(pid => Combine(
            pid,
            parcels.GetValueOrDefault(pid),
            footprints.GetValueOrDefault(pid),
            assessments.GetValueOrDefault(pid),
            thisYear));
        // Combined as they are consumed: when the rows stream into COPY, the server stores one batch while the next is combined.
        return rejected.Concat<ReadItem>(staged);
    }

    private Dictionary<string, ParcelPieces> ReadParcels(IReadOnlyList<FeedFile> files, List<ReadItem> rejected, CancellationToken ct)
    {
        var parcels = new Dictionary<string, ParcelPieces>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var where = Where(ParcelsRole, files, file);
            foreach (var feature in GeoJsonFeed.Features(file, bounds, ct))
            {
                var pidText = feature.Property(FieldKind.Identifier, "PID_LONG", "PID");
                var pid = SourceIds.Pid10(pidText);
                string? problem = feature.Overlong is { } overlong ? $"{where}: {overlong}"
                    : pidText is null
                    ? $"{where}: feature has no PID_LONG or PID (PARCEL '{feature.Property(FieldKind.Identifier, "PARCEL")}'), so it cannot be joined to a building"
                    : pid is null ? $"{where}: PID '{pidText}' is not a parcel id"
                    : FeatureProblem(feature) is { } featureProblem ? $"{where}: parcel {pid} {featureProblem}"
                    : null;
                if (problem is not null)
                {
                    rejected.Add(Rejected(feature.Index, problem, feature.RawText));
                    continue;
                }

                if (!parcels.TryGetValue(pid!, out var pieces))
                {
                    parcels[pid!] = new ParcelPieces(feature.Index, [feature.Geometry!], [feature.RawText]);
                }
                else if (pieces.RawTexts.Contains(feature.RawText))
                {
                    rejected.Add(Rejected(feature.Index, $"{where}: duplicate of feature {pieces.Index}", feature.RawText));
                }
                else
                {
                    pieces.Geometries.Add(feature.Geometry!);
                    pieces.RawTexts.Add(feature.RawText);
                }
            }
        }

        return parcels;
    }

    private Dictionary<string, FootprintSet> ReadFootprints(IReadOnlyList<FeedFile> files, List<ReadItem> rejected, CancellationToken ct)
    {
        var byBuilding = new Dictionary<string, (GeoJsonItem Feature, string Where)>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var where = Where(FootprintsRole, files, file);
            foreach (var feature in GeoJsonFeed.Features(file, bounds, ct))
            {
                var buildingId = feature.Property(FieldKind.Identifier, "BLDG_ID");
                // Read now, though only used when the assessment has none: an address too long to be one is damage in the feature.
                _ = feature.Property(FieldKind.Address, FootprintAddress);
                var problem = feature.Overlong is { } overlong ? $"{where}: {overlong}"
                    : buildingId is null ? $"{where}: feature has no BLDG_ID"
                    : !BuildingIdPattern().IsMatch(buildingId) ? $"{where}: BLDG_ID '{buildingId}' is not Bos_<PID10>_B<n>"
                    : FeatureProblem(feature) is { } featureProblem ? $"{where}: building {buildingId} {featureProblem}"
                    : null;
                if (problem is not null)
                {
                    rejected.Add(Rejected(feature.Index, problem, feature.RawText));
                    continue;
                }

                if (byBuilding.TryGetValue(buildingId!, out var prior))
                {
                    if (prior.Feature.RawText == feature.RawText)
                    {
                        rejected.Add(Rejected(feature.Index, $"{where}: duplicate of feature {prior.Feature.Index}", feature.RawText));
                        continue;
                    }

                    rejected.Add(Rejected(prior.Feature.Index, $"{prior.Where}: superseded by feature {feature.Index} (same BLDG_ID {buildingId})", prior.Feature.RawText));
                }

                byBuilding[buildingId!] = (feature, where);
            }
        }

        var footprints = new Dictionary<string, FootprintSet>(StringComparer.Ordinal);
        foreach (var (buildingId, (feature, _)) in byBuilding)
        {
            var pid = BuildingIdPattern().Match(buildingId).Groups[1].Value;
            if (!footprints.TryGetValue(pid, out var set))
            {
                footprints[pid] = set = new FootprintSet(feature.Index, []);
            }

            set.Features.Add(feature);
        }

        return footprints;
    }

    /// <param name="keptAsWere">Gets the parcels whose row was rejected for an over-long field: they keep their last good version.</param>
    private Dictionary<string, CsvRow> ReadAssessments(IReadOnlyList<FeedFile> files, List<ReadItem> rejected, HashSet<string> keptAsWere, CancellationToken ct)
    {
        var rows = new Dictionary<string, (CsvRow Row, string Where)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var where = Where(AssessmentRole, files, file);
            using var csv = CsvFeed.Open(file, bounds);
            csv.Bind(C.All);
            foreach (var row in csv.Rows(ct))
            {
                if (row.Problem is { } rowProblem)
                {
                    rejected.Add(Rejected(row.LineNumber, $"{where}: {rowProblem}", row.RawText));
                    continue;
                }

                var pid = SourceIds.Pid10(row[C.Pid]);
                // Every field is checked before the row is accepted: it is combined with the parcel only later.
                var problem = row.OverlongIn(C.All) is { } overlong ? $"{where}: {overlong}"
                    : row[C.Pid] is null ? $"{where}: missing PID"
                    : pid is null ? $"{where}: PID '{row[C.Pid]}' is not a parcel id"
                    : null;
                if (problem is not null)
                {
                    rejected.Add(Rejected(row.LineNumber, problem, row.RawText, row.Overlong is null ? null : pid));
                    if (row.Overlong is not null && pid is not null)
                    {
                        keptAsWere.Add(pid);
                    }

                    continue;
                }

                if (rows.TryGetValue(pid!, out var prior))
                {
                    if (prior.Row.ContentKey == row.ContentKey)
                    {
                        rejected.Add(Rejected(row.LineNumber, $"{where}: duplicate of line {prior.Row.LineNumber}", row.RawText));
                        continue;
                    }

                    rejected.Add(Rejected(prior.Row.LineNumber, $"{prior.Where}: superseded by line {row.LineNumber} (same PID {pid}, different content)", prior.Row.RawText));
                }

                rows[pid!] = (row, where);
            }
        }

        // A good row for the parcel elsewhere in the input still loads.
        keptAsWere.ExceptWith(rows.Keys);
        return rows.ToDictionary(r => r.Key, r => r.Value.Row, StringComparer.Ordinal);
    }

    private static StagedRecord Combine(string pid, ParcelPieces? parcel, FootprintSet? footprints, CsvRow? row, int thisYear)
    {
        var parcelShape = parcel is null ? null : Union(parcel.Geometries);
        var footprint = footprints is null ? null : Union(footprints.Features.Select(f => f.Geometry!).ToList());
        string? FromFootprints(string name, FieldKind kind) => footprints?.Features.Select(f => FieldParser.Text(f.Property(kind, name))).FirstOrDefault(v => v is not null);

        var city = FieldParser.Text(row?[C.City]);
        var zip = SourceIds.Zip5(row?[C.Zip]);
        var street = FieldParser.Text(row?[C.StreetName]);
        var number = FieldParser.Text(row?[C.StreetNumber]);
        var number2 = FieldParser.Text(row?[C.StreetNumber2]);
        var suffix = FieldParser.Text(row?[C.StreetSuffix]);
        var unit = FieldParser.Text(row?[C.Unit]);
        NormalizedAddress? address;
        string? addressText;
        if (street is not null)
        {
            address = AddressNormalizer.FromParts(number, number2, street, suffix, unit, city, zip);
            addressText = AssessmentAddressText(number, number2, street, suffix, unit, city, zip);
        }
        else
        {
            addressText = FromFootprints(FootprintAddress, FieldKind.Address);
            address = Locating.WithCityZip(AddressNormalizer.Normalize(FootprintStreet(addressText)), city, zip);
        }

        var yearBuilt = YearBuilt(row, thisYear) ?? Year(FromFootprints("year_built", FieldKind.Parsed), thisYear);
        var floors = row?.Decimal(C.Floors, 0, 150);
        var residential = row?.Int(C.ResidentialUnits, min: 0);
        var commercial = row?.Int(C.CommercialUnits, min: 0);
        var units = residential is null && commercial is null ? (int?)null : (residential ?? 0) + (commercial ?? 0);
        var record = new ParcelRecord
        {
            ParcelId = pid,
            AddressText = addressText,
            Owner = FieldParser.Text(row?[C.Owner]) ?? FromFootprints("owners", FieldKind.Text),
            OwnerContact = OwnerContact(row),
            LandUse = FieldParser.Text(row?[C.LandUse]),
            LandUseDescription = FieldParser.Text(row?[C.LandUseDescription]),
            StructureClass = FieldParser.Text(row?[C.StructureClass]),
            YearBuilt = yearBuilt,
            Floors = floors,
            Units = units,
        };

        return new StagedRecord
        {
            LineNumber = row?.LineNumber ?? parcel?.Index ?? footprints!.Index,
            RecordId = pid,
            Attributes = record,
            ParcelId = pid,
            AddressId = SourceIds.IdText(row?[C.SamId]),
            AddressText = addressText,
            Address = address,
            Location = InteriorPoint(footprint) ?? InteriorPoint(parcelShape),
            ParcelShape = parcelShape,
            Footprint = footprint,
            Warnings = Warnings(row, footprints),
        };
    }

    private static string? FeatureProblem(GeoJsonItem feature) =>
        feature.Properties.Values.Any(NulText.In) ? NulText.Problem
        : feature.GeometryProblem is { } problem ? $"has an unusable geometry: {problem}"
        : feature.Geometry is null ? "has no geometry"
        : feature.Geometry is not (Polygon or MultiPolygon) ? $"is a {feature.Geometry.GeometryType}, not a polygon"
        : null;

    /// <summary>One geometry from several pieces; pieces that do not union cleanly (invalid rings) stay a MultiPolygon.</summary>
    private static Geometry Union(List<Geometry> pieces)
    {
        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        try
        {
            return Wgs84.Factory.CreateGeometry(UnaryUnionOp.Union(pieces));
        }
        catch (TopologyException)
        {
            return Wgs84.Factory.BuildGeometry(pieces.SelectMany(p => Enumerable.Range(0, p.NumGeometries).Select(p.GetGeometryN)));
        }
    }

    private static Point? InteriorPoint(Geometry? geometry)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            return null;
        }

        try
        {
            return Wgs84.Factory.CreatePoint(geometry.InteriorPoint.Coordinate);
        }
        catch (TopologyException)
        {
            return Wgs84.Factory.CreatePoint(geometry.EnvelopeInternal.Centre);
        }
    }

    /// <summary>The assessing file writes 0 for "not known" (land, some exempt parcels): that is no warning.</summary>
    private static int? YearBuilt(CsvRow? row, int thisYear) =>
        row?[C.YearBuilt] is "0" ? null : row?.Int(C.YearBuilt, 1600, thisYear);

    private static int? Year(string? text, int thisYear) =>
        FieldParser.TryInt(text, out var year) && year is >= 1600 && year <= thisYear ? year : null;

    /// <summary>Footprint addresses write ranges with a space: "254 256 BENNINGTON ST", "160 - 250 WALDEMAR AV".</summary>
    internal static string? FootprintStreet(string? address) =>
        address is null ? null : FootprintRange().Replace(address, "$1-$2 ");

    private static string? AssessmentAddressText(string? number, string? number2, string? street, string? suffix, string? unit, string? city, string? zip)
    {
        var numbers = number is null ? number2 : number2 is null || number2 == number ? number : $"{number}-{number2}";
        var line = string.Join(' ', new[] { numbers, street, suffix, unit is null ? null : $"#{unit}" }.OfType<string>());
        var place = string.Join(' ', new[] { city, zip }.OfType<string>());
        return place.Length == 0 ? line : $"{line}, {place}";
    }

    private static string? OwnerContact(CsvRow? row)
    {
        if (row is null)
        {
            return null;
        }

        var place = string.Join(' ', new[] { row[C.MailCity], row[C.MailState], SourceIds.Zip5(row[C.MailZip]) }.Select(FieldParser.Text).OfType<string>());
        var parts = new[] { FieldParser.Text(row[C.MailAddressee]), FieldParser.Text(row[C.MailStreet]), place.Length == 0 ? null : place }.OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string Where(string role, IReadOnlyList<FeedFile> files, FeedFile file) =>
        files.Count > 1 ? $"{role} ({file.Location})" : role;

    /// <summary>The row's warnings and those of the footprint fields it fell back on (an owner name that was cut).</summary>
    private static IReadOnlyList<string>? Warnings(CsvRow? row, FootprintSet? footprints)
    {
        var fromFootprints = footprints?.Features.SelectMany(f => f.Warnings ?? []).ToList();
        if (fromFootprints is not { Count: > 0 })
        {
            return row?.Warnings.Items;
        }

        return [.. row?.Warnings.Items ?? [], .. fromFootprints];
    }

    private static RejectedRow Rejected(long line, string reason, string raw, string? recordId = null) =>
        new() { LineNumber = line, Reason = reason, RawText = raw, RecordId = recordId };

    [GeneratedRegex(@"^Bos_(\d{10})_B\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex BuildingIdPattern();

    [GeneratedRegex(@"^\s*(\d+[A-Za-z]?)\s*(?:-|\s)\s*(\d+[A-Za-z]?)\s+(?=[A-Za-z])")]
    private static partial Regex FootprintRange();

    private sealed record ParcelPieces(long Index, List<Geometry> Geometries, List<string> RawTexts);

    private sealed record FootprintSet(long Index, List<GeoJsonItem> Features);
}
