using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.HazmatPermits;

/// <summary>BFD Fire Prevention hazardous-materials permits export.</summary>
internal static class HazmatPermitColumns
{
    public static readonly CsvColumn PermitNumber = CsvColumn.Required("PERMIT_NUMBER");
    public static readonly CsvColumn BusinessName = CsvColumn.Optional("BUSINESS_NAME");
    public static readonly CsvColumn Address = CsvColumn.Required("ADDRESS");
    public static readonly CsvColumn ParcelId = CsvColumn.Optional("PARCEL_ID");
    public static readonly CsvColumn SamId = CsvColumn.Optional("SAM_ID");
    public static readonly CsvColumn Material = CsvColumn.Required("MATERIAL");
    public static readonly CsvColumn UnNumber = CsvColumn.Optional("UN_NUMBER");
    public static readonly CsvColumn Quantity = CsvColumn.Optional("QUANTITY");
    public static readonly CsvColumn QuantityUnit = CsvColumn.Optional("QUANTITY_UNIT");
    public static readonly CsvColumn NfpaHealth = CsvColumn.Optional("NFPA_HEALTH");
    public static readonly CsvColumn NfpaFire = CsvColumn.Optional("NFPA_FIRE");
    public static readonly CsvColumn NfpaReactivity = CsvColumn.Optional("NFPA_REACTIVITY");
    public static readonly CsvColumn NfpaSpecial = CsvColumn.Optional("NFPA_SPECIAL");
    public static readonly CsvColumn StorageLocation = CsvColumn.Optional("STORAGE_LOCATION");
    public static readonly CsvColumn Status = CsvColumn.Optional("PERMIT_STATUS");
    public static readonly CsvColumn IssuedDate = CsvColumn.Optional("ISSUED_DATE");
    public static readonly CsvColumn ExpirationDate = CsvColumn.Optional("EXPIRATION_DATE");
    public static readonly CsvColumn Latitude = CsvColumn.Optional("LATITUDE");
    public static readonly CsvColumn Longitude = CsvColumn.Optional("LONGITUDE");

    public static readonly CsvColumn[] All =
    [
        PermitNumber, BusinessName, Address, ParcelId, SamId, Material, UnNumber, Quantity, QuantityUnit, NfpaHealth,
        NfpaFire, NfpaReactivity, NfpaSpecial, StorageLocation, Status, IssuedDate, ExpirationDate, Latitude, Longitude,
    ];
}
