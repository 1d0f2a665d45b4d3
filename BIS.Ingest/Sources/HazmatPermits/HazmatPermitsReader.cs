using System.Globalization;
using System.Text.RegularExpressions;
using BIS.Domain.Addresses;
using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;
using C = BIS.Ingest.Sources.HazmatPermits.HazmatPermitColumns;

namespace BIS.Ingest.Sources.HazmatPermits;

/// <summary>
/// BFD hazardous-material storage permits, one row per permit and material. Record id is
/// PERMIT_NUMBER#UN number (or #MATERIAL when the row names no valid UN/NA number), always with the
/// suffix so that a permit's ids do not change when a second material is added. AsOf is ISSUED_DATE.
/// </summary>
/// <remarks>
/// Field decisions: a row is rejected only when it has no permit number, no material, cannot be located, or has
/// an id, address or code longer than any real one (<see cref="FieldBounds"/>; a material named in the record id
/// for want of a UN number is held to an id's bound). Business name, material and storage location past the
/// configured length are cut, with a warning.
/// Impossible values are dropped to null, with a warning on the record (<see cref="FieldWarnings"/>), and the
/// permit kept, because a crew is better told "chlorine, rating unknown" than nothing: NFPA ratings outside 0–4,
/// NFPA special other than W/OX/SA, UN numbers that are not four digits, negative or unparsable quantities,
/// unparsable dates.
/// </remarks>
public sealed partial class HazmatPermitsReader(CoordinateCleaner coordinates, FieldBounds bounds, TimeProvider clock) : IFeedReader
{
    public const string Role = "permits";

    public FeedKind Feed => FeedKind.HazmatPermits;

    public IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken)
    {
        var files = input.Required(Feed, Role);
        var today = BostonTime.Today(clock);
        return CsvBatch.Read(new RecordBatch(input.Known, mappingContext: today.ToString("O", CultureInfo.InvariantCulture)), files, bounds, C.All, (row, batch, source) => Map(row, batch, source, today), cancellationToken);
    }

    private void Map(CsvRow row, RecordBatch batch, string? source, DateOnly today)
    {
        if (batch.IdOrReject(row, C.PermitNumber) is not { } permitNumber)
        {
            return;
        }

        var unNumber = UnNumber(row[C.UnNumber]);
        // Without a UN number the material names the record, and is held to an identifier's bound rather than cut.
        var material = FieldParser.Text(unNumber is null ? row.Read(C.Material, FieldKind.Identifier) : row[C.Material]);
        if (material is null)
        {
            batch.Reject(row, "missing MATERIAL");
            return;
        }

        var addressText = FieldParser.Text(row[C.Address]);
        var address = AddressNormalizer.Normalize(addressText);
        var parcelId = SourceIds.Pid10(row[C.ParcelId]);
        var samId = SourceIds.IdText(row[C.SamId]);
        var coordinate = coordinates.FromLatLon(row[C.Latitude], row[C.Longitude]);
        var recordId = $"{permitNumber}#{unNumber ?? material.ToUpperInvariant()}";
        if (batch.RejectIfUnlocated(row, address, coordinate, parcelId, samId, recordId))
        {
            return;
        }

        if (unNumber is null && row[C.UnNumber] is { } notUn)
        {
            row.Warnings.Add(C.UnNumber.Name, notUn, "is not a UN/NA number");
        }

        var quantity = row.Decimal(C.Quantity, min: 0);
        var issued = row.Date(C.IssuedDate);
        var expires = row.Date(C.ExpirationDate);
        var status = FieldParser.Text(row[C.Status]);
        var permit = new HazmatPermitRecord
        {
            PermitNumber = permitNumber,
            BusinessName = FieldParser.Text(row[C.BusinessName]),
            Material = material,
            UnNumber = unNumber,
            Quantity = quantity,
            QuantityUnit = FieldParser.Text(row[C.QuantityUnit]),
            NfpaHealth = Rating(row, C.NfpaHealth),
            NfpaFlammability = Rating(row, C.NfpaFire),
            NfpaInstability = Rating(row, C.NfpaReactivity),
            NfpaSpecial = Special(row),
            StorageLocation = FieldParser.Text(row[C.StorageLocation]),
            Status = status,
            // Blank status with a current expiry is taken as active: storing the material is what the permit is for.
            IsActive = (status is null || status.Equals("Active", StringComparison.OrdinalIgnoreCase))
                       && (expires is null || expires >= today),
            ExpiresOn = expires,
        };

        batch.Stage(
            new StagedRecord
            {
                LineNumber = row.LineNumber,
                RecordId = recordId,
                Attributes = permit,
                ParcelId = parcelId,
                AddressId = samId,
                AddressText = addressText,
                Address = address,
                Location = coordinate.Point,
                AsOf = issued is { } d ? BostonTime.StartOf(d) : null,
            },
            row,
            source);
    }

    /// <summary>"UN1017", "1017", "NA1993", "UN 1017", "1017.0" → "1017"; anything else → null.</summary>
    internal static string? UnNumber(string? text)
    {
        var match = UnPattern().Match(text ?? string.Empty);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>NFPA 704 ratings are 0–4; anything else (7, -1, "X") is not a rating.</summary>
    private static int? Rating(CsvRow row, CsvColumn column) => row.Int(column, 0, 4);

    /// <summary>The three special hazards NFPA 704 recognises; others ("COR", "ACID") are not 704 markings.</summary>
    private static string? Special(CsvRow row)
    {
        var text = row[C.NfpaSpecial];
        var special = text?.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "W" => "W",
            "OX" or "OXY" => "OX",
            "SA" => "SA",
            _ => null,
        };
        if (special is null && !FieldParser.IsBlank(text))
        {
            row.Warnings.Add(C.NfpaSpecial.Name, text, "is not an NFPA 704 special hazard (W, OX, SA)");
        }

        return special;
    }

    [GeneratedRegex(@"^\s*(?:UN|NA)?\s*(\d{4})(?:\.0+)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnPattern();
}
