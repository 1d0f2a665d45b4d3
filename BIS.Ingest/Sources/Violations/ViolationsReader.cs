using System.Text.RegularExpressions;
using BIS.Domain.Addresses;
using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;
using C = BIS.Ingest.Sources.Violations.ViolationColumns;

namespace BIS.Ingest.Sources.Violations;

/// <summary>
/// Boston ISD code-enforcement violations. Record id is case_no#code: a case carries one row per cited code.
/// AsOf is status_dttm, the time the row's status was set.
/// </summary>
/// <remarks>
/// Field decisions: an unrecognised status is kept as <see cref="ViolationStatus.Unknown"/> and an unparsable
/// status_dttm as null — the violation still matters to crews, so only a missing case_no, a row that cannot
/// be located, a row whose field count breaks the header, or an id, address or code longer than any real one
/// (<see cref="FieldBounds"/>) rejects it. A description past the configured length is cut, with a warning.
/// </remarks>
public sealed partial class ViolationsReader(CoordinateCleaner coordinates, FieldBounds bounds) : IFeedReader
{
    public const string Role = "violations";

    public FeedKind Feed => FeedKind.Violations;

    public IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken)
    {
        var files = input.Required(Feed, Role);
        return CsvBatch.Read(new RecordBatch(input.Known), files, bounds, C.All, Map, cancellationToken);
    }

    private void Map(CsvRow row, RecordBatch batch, string? source)
    {
        if (batch.IdOrReject(row, C.CaseNo) is not { } caseNo)
        {
            return;
        }

        var code = FieldParser.Text(row[C.Code]);
        var samId = SourceIds.IdText(row[C.SamId]);
        var number = FieldParser.Text(row[C.StreetNumber]);
        var numberHigh = FieldParser.Text(row[C.StreetNumberHigh]);
        var street = FieldParser.Text(row[C.Street]);
        var suffix = FieldParser.Text(row[C.Suffix]);
        var city = FieldParser.Text(row[C.City]);
        var zip = SourceIds.Zip5(row[C.Zip]);
        var address = street is null ? null : AddressNormalizer.FromParts(number, numberHigh, street, suffix, null, city, zip);

        var coordinate = coordinates.FromLatLon(row[C.Latitude], row[C.Longitude]);
        if (coordinate.Point is null && row[C.Latitude] is null && LocationPair().Match(row[C.Location] ?? string.Empty) is { Success: true } pair)
        {
            coordinate = coordinates.FromLatLon(pair.Groups[1].Value, pair.Groups[2].Value);
        }

        var recordId = $"{caseNo}#{code}";
        if (batch.RejectIfUnlocated(row, address, coordinate, null, samId, recordId))
        {
            return;
        }

        var statusDate = row.Timestamp(C.StatusDate);
        var violation = new ViolationRecord
        {
            CaseNumber = caseNo,
            Code = code,
            Description = FieldParser.Text(row[C.Description]),
            Status = ParseStatus(row[C.Status]),
            StatusDate = statusDate,
        };

        batch.Stage(
            new StagedRecord
            {
                LineNumber = row.LineNumber,
                RecordId = recordId,
                Attributes = violation,
                AddressId = samId,
                AddressText = AddressText(number, numberHigh, street, suffix, city, FieldParser.Text(row[C.State]), zip),
                Address = address,
                Location = coordinate.Point,
                AsOf = statusDate,
            },
            row,
            source);
    }

    private static ViolationStatus ParseStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "OPEN" => ViolationStatus.Open,
        "CLOSED" => ViolationStatus.Closed,
        "VOID" => ViolationStatus.Void,
        _ => ViolationStatus.Unknown,
    };

    private static string? AddressText(string? number, string? high, string? street, string? suffix, string? city, string? state, string? zip)
    {
        var numbers = number is null ? high : high is null ? number : $"{number}-{high}";
        var line = string.Join(' ', new[] { numbers, street, suffix }.Where(p => p is not null));
        var place = string.Join(' ', new[] { city, state, zip }.Where(p => p is not null));
        var text = line.Length > 0 && place.Length > 0 ? $"{line}, {place}" : line + place;
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"^\s*\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)\s*$")]
    private static partial Regex LocationPair();
}
