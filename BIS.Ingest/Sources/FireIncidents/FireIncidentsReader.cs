using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BIS.Domain.Addresses;
using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;
using G = BIS.Ingest.Sources.FireIncidents.GeocodedIncidentColumns;
using N = BIS.Ingest.Sources.FireIncidents.NfirsIncidentColumns;

namespace BIS.Ingest.Sources.FireIncidents;

/// <summary>
/// Prior fire incidents, in the NFIRS shape (record id incident_number, or incident_number-exposure when the
/// exposure is not 0; AsOf alarm date and time) or the geocoded 2012 extract (record id "FI-" + 16 hex of
/// SHA-256 over the normalized row; AsOf the alarm date's local midnight). The shape is detected per file.
/// </summary>
/// <remarks>
/// The extract has no incident number, so two fires at one address on one day are indistinguishable from a
/// repeated row: they share an id and the second is rejected as a duplicate. A row without a usable alarm
/// date is rejected (an incident history entry without a date cannot be weighed); a bad loss figure or
/// geocode is dropped to null.
/// </remarks>
public sealed partial class FireIncidentsReader(CoordinateCleaner coordinates, FieldBounds bounds) : IFeedReader
{
    public const string Role = "incidents";

    public FeedKind Feed => FeedKind.FireIncidents;

    public IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken)
    {
        var files = input.Required(Feed, Role);
        return CsvBatch.Read(new RecordBatch(input.Known), files, bounds, BindShape, cancellationToken);
    }

    private CsvRowMapper BindShape(CsvFeed csv)
    {
        if (csv.HasColumn(N.IncidentNumber.Name))
        {
            csv.Bind(N.All);
            return MapNfirs;
        }

        if (csv.HasColumn(G.FullAddress.Name))
        {
            csv.Bind(G.All);
            return MapGeocoded;
        }

        throw new FeedRefusedException(
            $"{csv.File.Location} ({csv.File.Role}) is neither BFD Fire Incident Reporting (incident_number, alarm_date) "
            + "nor the geocoded extract (full_address, alarm_date)");
    }

    /// <summary>The alarm date, which both shapes require; null, with the row rejected, when it is missing or not a date.</summary>
    private static DateOnly? AlarmDateOrReject(CsvRow row, CsvColumn alarmDate, RecordBatch batch, string? recordId = null)
    {
        if (FieldParser.TryDate(row[alarmDate], out var date) && date is not null)
        {
            return date;
        }

        batch.Reject(row, row[alarmDate] is null ? "missing alarm_date" : $"alarm_date '{row[alarmDate]}' is not a date", recordId);
        return null;
    }

    private void MapGeocoded(CsvRow row, RecordBatch batch, string? source)
    {
        if (AlarmDateOrReject(row, G.AlarmDate, batch) is not { } alarmDate)
        {
            return;
        }

        var fullAddress = FieldParser.Text(row[G.FullAddress]);
        var address = ParseFullAddress(fullAddress);
        var coordinate = coordinates.FromLatLon(row[G.Latitude], row[G.Longitude]);
        // The extract's id is made from the row's content, so a rejected row names no current record.
        if (row.Overlong is { } overlong)
        {
            batch.Reject(row, overlong);
            return;
        }

        if (batch.RejectIfUnlocated(row, address, coordinate, null, null, null))
        {
            return;
        }

        var normalized = string.Join(
            '|',
            fullAddress?.ToUpperInvariant() ?? string.Empty,
            alarmDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            row[G.Latitude] ?? string.Empty,
            row[G.Longitude] ?? string.Empty);
        var id = "FI-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..16].ToLowerInvariant();
        batch.Stage(
            new StagedRecord
            {
                LineNumber = row.LineNumber,
                RecordId = id,
                Attributes = new FireIncidentRecord { IncidentId = id, AlarmDate = alarmDate },
                AddressText = fullAddress,
                Address = address,
                Location = coordinate.Point,
                AsOf = BostonTime.StartOf(alarmDate),
            },
            row,
            normalized,
            source);
    }

    private void MapNfirs(CsvRow row, RecordBatch batch, string? source)
    {
        if (batch.IdOrReject(row, N.IncidentNumber) is not { } incidentNumber)
        {
            return;
        }

        var exposure = SourceIds.IdText(row[N.ExposureNumber]);
        var id = exposure is null or "0" ? incidentNumber : $"{incidentNumber}-{exposure}";
        if (AlarmDateOrReject(row, N.AlarmDate, batch, id) is not { } alarmDate)
        {
            return;
        }

        var street = string.Join(' ', new[] { row[N.StreetPrefix], row[N.StreetName] }.Select(FieldParser.Text).OfType<string>());
        var suffix = string.Join(' ', new[] { row[N.StreetType], row[N.StreetSuffix] }.Select(FieldParser.Text).OfType<string>());
        var number = FieldParser.Text(row[N.StreetNumber]);
        var unit = FieldParser.Text(row[N.Address2]);
        var zip = SourceIds.Zip5(row[N.Zip]);
        var address = street.Length == 0
            ? null
            : AddressNormalizer.FromParts(number, null, street, suffix.Length == 0 ? null : suffix, unit, null, zip);
        var coordinate = coordinates.FromLatLon(row[N.Latitude], row[N.Longitude]);
        if (batch.RejectIfUnlocated(row, address, coordinate, null, null, id))
        {
            return;
        }

        var alarmAt = BostonTime.StartOf(alarmDate);
        if (TimeOnly.TryParse(row[N.AlarmTime] ?? string.Empty, CultureInfo.InvariantCulture, out var time))
        {
            alarmAt = BostonTime.At(alarmDate.ToDateTime(time));
        }

        var (typeCode, typeText) = CodeAndText(row[N.IncidentType]);
        var (useCode, useText) = CodeAndText(row[N.PropertyUse]);
        useText = FieldParser.Text(row[N.PropertyDescription]) ?? useText;
        var incident = new FireIncidentRecord
        {
            IncidentId = id,
            AlarmDate = alarmDate,
            NfirsIncidentType = typeCode,
            Description = FieldParser.Text(row[N.IncidentDescription]) ?? typeText,
            PropertyUse = string.Join(' ', new[] { useCode, useText }.OfType<string>()) is { Length: > 0 } use ? use : null,
            EstimatedLoss = Loss(row.Decimal(N.PropertyLoss, min: 0), row.Decimal(N.ContentsLoss, min: 0)),
        };

        var addressText = string.Join(' ', new[] { number, street, suffix, unit }.Where(p => !string.IsNullOrEmpty(p)));
        batch.Stage(
            new StagedRecord
            {
                LineNumber = row.LineNumber,
                RecordId = id,
                Attributes = incident,
                AddressText = addressText.Length == 0 ? null : addressText,
                Address = address,
                Location = coordinate.Point,
                AsOf = alarmAt,
            },
            row,
            source);
    }

    /// <summary>"44 JOHN ELIOT SQ Boston, MA 02119" → street part normalized, city and ZIP attached.</summary>
    internal static NormalizedAddress? ParseFullAddress(string? fullAddress)
    {
        if (fullAddress is null)
        {
            return null;
        }

        var match = CityStateZip().Match(fullAddress);
        if (!match.Success)
        {
            return AddressNormalizer.Normalize(fullAddress);
        }

        var address = AddressNormalizer.Normalize(match.Groups["street"].Value);
        return Locating.WithCityZip(address, match.Groups["city"].Value.Trim(), SourceIds.Zip5(match.Groups["zip"].Value));
    }

    /// <summary>"111", "111 - Building fire", "111 Building fire" → ("111", "Building fire").</summary>
    private static (string? Code, string? Text) CodeAndText(string? value)
    {
        var text = FieldParser.Text(value);
        if (text is null)
        {
            return (null, null);
        }

        var match = LeadingCode().Match(text);
        return match.Success
            ? (match.Groups[1].Value, match.Groups[2].Value.Length == 0 ? null : match.Groups[2].Value)
            : (null, text);
    }

    private static decimal? Loss(decimal? property, decimal? contents) =>
        property is null && contents is null ? null : (property ?? 0) + (contents ?? 0);

    [GeneratedRegex(@"^(?<street>.+?)\s+(?<city>East Boston|South Boston|Jamaica Plain|West Roxbury|Hyde Park|Mission Hill|Back Bay|Beacon Hill|South End|North End|[A-Za-z]+)\s*,\s*(?<state>[A-Za-z]{2})\s+(?<zip>\d{3,5}(?:-\d{4})?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CityStateZip();

    [GeneratedRegex(@"^(\d{2,3}[A-Z]?)\b\s*[-:]?\s*(.*)$")]
    private static partial Regex LeadingCode();
}
