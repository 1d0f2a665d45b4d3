using System.Globalization;
using System.Text.RegularExpressions;
using BIS.Domain.Addresses;
using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;
using A = BIS.Ingest.Sources.BuildingPermits.ApprovedPermitColumns;
using Z = BIS.Ingest.Sources.BuildingPermits.ZbaColumns;

namespace BIS.Ingest.Sources.BuildingPermits;

/// <summary>
/// ISD building permits, in either of the two published shapes (detected per file from its header):
/// Approved Building Permits (record id permitnumber, AsOf issued_date) or the Zoning Board of Appeal
/// tracker (record id boa_apno, AsOf the latest date on the appeal).
/// </summary>
/// <remarks>
/// Unparsable dates are read as blank rather than rejecting the permit: a demolition permit with a mangled
/// expiry date is still a demolition on that building. With no expiry known, an open permit counts as active.
/// </remarks>
public sealed partial class BuildingPermitsReader(CoordinateCleaner coordinates, FieldBounds bounds, TimeProvider clock) : IFeedReader
{
    public const string Role = "permits";

    private static readonly string[] InactiveStatuses =
    [
        "CLOSED", "EXPIRED", "REVOKED", "VOID", "VOIDED", "CANCELLED", "CANCELED", "WITHDRAWN", "DENIED", "COMPLETE",
        "COMPLETED", "FINALED", "ABANDONED", "APPEAL CLOSED",
    ];

    // Neighbourhood names the ZBA tracker appends to its address when the city column is blank.
    private static readonly string[] BostonPlaces =
    [
        "East Boston", "South Boston", "Jamaica Plain", "West Roxbury", "Hyde Park", "Mission Hill", "Back Bay",
        "Beacon Hill", "South End", "North End", "Boston", "Dorchester", "Roxbury", "Brighton", "Allston", "Roslindale",
        "Mattapan", "Charlestown", "Fenway", "Chinatown", "Downtown",
    ];

    public FeedKind Feed => FeedKind.BuildingPermits;

    public IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken)
    {
        var files = input.Required(Feed, Role);
        var today = BostonTime.Today(clock);
        return CsvBatch.Read(new RecordBatch(input.Known, mappingContext: today.ToString("O", CultureInfo.InvariantCulture)), files, bounds, csv => BindShape(csv, today), cancellationToken);
    }

    private CsvRowMapper BindShape(CsvFeed csv, DateOnly today)
    {
        if (csv.HasColumn(A.PermitNumber.Name))
        {
            csv.Bind(A.All);
            return (row, batch, source) => MapApproved(row, batch, source, today);
        }

        if (csv.HasColumn(Z.BoaApno.Name))
        {
            csv.Bind(Z.All);
            return (row, batch, source) => MapAppeal(row, batch, source, today);
        }

        throw new FeedRefusedException(
            $"{csv.File.Location} ({csv.File.Role}) is neither Approved Building Permits (permitnumber, worktype, address) "
            + "nor the Zoning Board of Appeal tracker (boa_apno, address)");
    }

    private void MapApproved(CsvRow row, RecordBatch batch, string? source, DateOnly today)
    {
        if (batch.IdOrReject(row, A.PermitNumber) is not { } permitNumber)
        {
            return;
        }

        var addressText = FieldParser.Text(row[A.Address]);
        var address = Locating.WithCityZip(AddressNormalizer.Normalize(addressText), FieldParser.Text(row[A.City]), SourceIds.Zip5(row[A.Zip]));
        var parcelId = SourceIds.Pid10(row[A.ParcelId]);
        var coordinate = Locating.PreferUsable(
            coordinates.FromLatLon(row[A.Latitude], row[A.Longitude]),
            () => coordinates.FromXY(row[A.GpsX], row[A.GpsY]));
        if (batch.RejectIfUnlocated(row, address, coordinate, parcelId, null, permitNumber))
        {
            return;
        }

        var issued = row.Date(A.IssuedDate);
        var expires = row.Date(A.ExpirationDate);
        var status = FieldParser.Text(row[A.Status]);
        var workType = FieldParser.Text(row[A.WorkType]);
        var permit = new PermitRecord
        {
            PermitNumber = permitNumber,
            WorkKind = PermitClassifier.Classify(workType, row[A.PermitTypeDescription], row[A.Description], row[A.Comments]),
            WorkType = workType,
            Description = FieldParser.Text(row[A.Description]) ?? FieldParser.Text(row[A.PermitTypeDescription]),
            Status = status,
            IsActive = !IsInactive(status) && (expires is null || expires >= today),
            IssuedOn = issued,
            ExpiresOn = expires,
            Applicant = FieldParser.Text(row[A.Applicant]),
        };

        batch.Stage(
            new StagedRecord
            {
                LineNumber = row.LineNumber,
                RecordId = permitNumber,
                Attributes = permit,
                ParcelId = parcelId,
                AddressText = addressText,
                Address = address,
                Location = coordinate.Point,
                AsOf = issued is { } d ? BostonTime.StartOf(d) : null,
            },
            row,
            source);
    }

    private void MapAppeal(CsvRow row, RecordBatch batch, string? source, DateOnly today)
    {
        if (batch.IdOrReject(row, Z.BoaApno) is not { } appealNumber)
        {
            return;
        }

        var addressText = FieldParser.Text(row[Z.Address]);
        var city = FieldParser.Text(row[Z.City]);
        var zip = SourceIds.Zip5(row[Z.Zip]);
        var address = Locating.WithCityZip(AddressNormalizer.Normalize(StreetPart(addressText, city)), city, zip);
        if (address is null)
        {
            batch.Reject(row, "cannot be located: no address (the ZBA tracker has no coordinates or parcel id)", appealNumber);
            return;
        }

        var dates = new[] { Z.SubmittedDate, Z.ReceivedDate, Z.HearingDate, Z.FinalDecisionDate, Z.ClosedDate }
            .Select(row.Date)
            .ToArray();
        var decided = dates[3];
        var closed = dates[4];
        var status = FieldParser.Text(row[Z.Status]);
        var decision = FieldParser.Text(row[Z.Decision]);
        var latest = dates.Where(d => d is not null && d <= today).Max();
        var appeal = new PermitRecord
        {
            PermitNumber = appealNumber,
            WorkKind = PermitClassifier.Classify(null, row[Z.ProjectDescription]),
            WorkType = FieldParser.Text(row[Z.AppealType]),
            Description = FieldParser.Text(row[Z.ProjectDescription]),
            Status = decision is null ? status : $"{status} ({decision})",
            // An appeal is "active" while the board process is open; once closed, denied or withdrawn the
            // work, if any, is tracked by the ISD permit (parent_apno) instead.
            IsActive = closed is null && !IsInactive(status) && !IsRefused(decision),
            IssuedOn = decided,
            Applicant = FieldParser.Text(row[Z.Contact]),
        };

        batch.Stage(
            new StagedRecord
            {
                LineNumber = row.LineNumber,
                RecordId = appealNumber,
                Attributes = appeal,
                AddressText = addressText,
                Address = address,
                AsOf = latest is { } d ? BostonTime.StartOf(d) : null,
            },
            row,
            source);
    }

    private static bool IsInactive(string? status) =>
        status is not null && InactiveStatuses.Contains(status.Trim().ToUpperInvariant());

    private static bool IsRefused(string? decision) =>
        decision is not null && (decision.StartsWith("Denied", StringComparison.OrdinalIgnoreCase)
                                 || decision.StartsWith("Withdrawn", StringComparison.OrdinalIgnoreCase));

    /// <summary>"206 Byron ST East Boston 02128" → "206 Byron ST"; "109 to 119 Beach ST" → "109-119 Beach ST".</summary>
    internal static string? StreetPart(string? address, string? city)
    {
        if (address is null)
        {
            return null;
        }

        var text = TrailingZip().Replace(address, string.Empty).TrimEnd();
        foreach (var place in city is null ? BostonPlaces : [city, .. BostonPlaces])
        {
            var withSpace = " " + place;
            if (text.EndsWith(withSpace, StringComparison.OrdinalIgnoreCase) && text.Length > withSpace.Length)
            {
                text = text[..^withSpace.Length].TrimEnd();
                break;
            }
        }

        return RangeWithTo().Replace(text, "$1-$2");
    }

    [GeneratedRegex(@"\s+\d{4,5}(?:-\d{4})?\s*$")]
    private static partial Regex TrailingZip();

    [GeneratedRegex(@"^(\d+[A-Za-z]?)\s+to\s+(\d+[A-Za-z]?)(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex RangeWithTo();
}
