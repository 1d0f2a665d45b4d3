using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.HazmatPermits;

/// <summary>BFD Fire Prevention hazardous-materials permits export.</summary>
internal static class HazmatPermitColumns
{
    public static readonly CsvColumn PermitNumber = CsvColumn.Required("PERMIT_NUMBER", FieldKind.Identifier);
    public static readonly CsvColumn BusinessName = CsvColumn.Optional("BUSINESS_NAME", FieldKind.Text);
    public static readonly CsvColumn Address = CsvColumn.Required("ADDRESS", FieldKind.Address);
    public static readonly CsvColumn ParcelId = CsvColumn.Optional("PARCEL_ID", FieldKind.Identifier);
    public static readonly CsvColumn SamId = CsvColumn.Optional("SAM_ID", FieldKind.Identifier);
    public static readonly CsvColumn Material = CsvColumn.Required("MATERIAL", FieldKind.Text);
    public static readonly CsvColumn UnNumber = CsvColumn.Optional("UN_NUMBER", FieldKind.Parsed);
    public static readonly CsvColumn Quantity = CsvColumn.Optional("QUANTITY", FieldKind.Parsed);
    public static readonly CsvColumn QuantityUnit = CsvColumn.Optional("QUANTITY_UNIT", FieldKind.Code);
    public static readonly CsvColumn NfpaHealth = CsvColumn.Optional("NFPA_HEALTH", FieldKind.Parsed);
    public static readonly CsvColumn NfpaFire = CsvColumn.Optional("NFPA_FIRE", FieldKind.Parsed);
    public static readonly CsvColumn NfpaReactivity = CsvColumn.Optional("NFPA_REACTIVITY", FieldKind.Parsed);
    public static readonly CsvColumn NfpaSpecial = CsvColumn.Optional("NFPA_SPECIAL", FieldKind.Parsed);
    public static readonly CsvColumn StorageLocation = CsvColumn.Optional("STORAGE_LOCATION", FieldKind.Text);
    public static readonly CsvColumn Status = CsvColumn.Optional("PERMIT_STATUS", FieldKind.Code);
    public static readonly CsvColumn IssuedDate = CsvColumn.Optional("ISSUED_DATE", FieldKind.Parsed);
    public static readonly CsvColumn ExpirationDate = CsvColumn.Optional("EXPIRATION_DATE", FieldKind.Parsed);
    public static readonly CsvColumn Latitude = CsvColumn.Optional("LATITUDE", FieldKind.Parsed);
    public static readonly CsvColumn Longitude = CsvColumn.Optional("LONGITUDE", FieldKind.Parsed);

    public static readonly CsvColumn[] All =
    [
        PermitNumber, BusinessName, Address, ParcelId, SamId, Material, UnNumber, Quantity, QuantityUnit, NfpaHealth,
        NfpaFire, NfpaReactivity, NfpaSpecial, StorageLocation, Status, IssuedDate, ExpirationDate, Latitude, Longitude,
    ];
}
