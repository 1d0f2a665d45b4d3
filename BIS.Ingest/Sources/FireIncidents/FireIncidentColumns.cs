using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.FireIncidents;

/// <summary>The geocoded 2012 extract: an address string, a date and a geocoded point, nothing else.</summary>
internal static class GeocodedIncidentColumns
{
    public static readonly CsvColumn FullAddress = CsvColumn.Required("full_address", FieldKind.Address);
    public static readonly CsvColumn AlarmDate = CsvColumn.Required("alarm_date", FieldKind.Parsed);
    public static readonly CsvColumn Latitude = CsvColumn.Optional("latitude", FieldKind.Parsed);
    public static readonly CsvColumn Longitude = CsvColumn.Optional("longitude", FieldKind.Parsed);

    public static readonly CsvColumn[] All = [FullAddress, AlarmDate, Latitude, Longitude];
}

/// <summary>BFD "Fire Incident Reporting" (NFIRS) as published on Analyze Boston.</summary>
internal static class NfirsIncidentColumns
{
    public static readonly CsvColumn IncidentNumber = CsvColumn.Required("incident_number", FieldKind.Identifier);
    public static readonly CsvColumn ExposureNumber = CsvColumn.Optional("exposure_number", FieldKind.Identifier);
    public static readonly CsvColumn AlarmDate = CsvColumn.Required("alarm_date", FieldKind.Parsed);
    public static readonly CsvColumn AlarmTime = CsvColumn.Optional("alarm_time", FieldKind.Parsed);
    // NFIRS codes, often with their description attached ("111 - Building fire"): still codes, well under 100 characters.
    public static readonly CsvColumn IncidentType = CsvColumn.Optional("incident_type", FieldKind.Code);
    public static readonly CsvColumn IncidentDescription = CsvColumn.Optional("incident_description", FieldKind.Text);
    public static readonly CsvColumn PropertyLoss = CsvColumn.Optional("estimated_property_loss", FieldKind.Parsed);
    public static readonly CsvColumn ContentsLoss = CsvColumn.Optional("estimated_contents_loss", FieldKind.Parsed);
    public static readonly CsvColumn Zip = CsvColumn.Optional("zip", FieldKind.Address);
    public static readonly CsvColumn PropertyUse = CsvColumn.Optional("property_use", FieldKind.Code);
    public static readonly CsvColumn PropertyDescription = CsvColumn.Optional("property_description", FieldKind.Text);
    public static readonly CsvColumn StreetNumber = CsvColumn.Optional("street_number", FieldKind.Address);
    public static readonly CsvColumn StreetPrefix = CsvColumn.Optional("street_prefix", FieldKind.Address);
    public static readonly CsvColumn StreetName = CsvColumn.Optional("street_name", FieldKind.Address);
    public static readonly CsvColumn StreetSuffix = CsvColumn.Optional("street_suffix", FieldKind.Address);
    public static readonly CsvColumn StreetType = CsvColumn.Optional("street_type", FieldKind.Address);
    public static readonly CsvColumn Address2 = CsvColumn.Optional("address_2", FieldKind.Address);
    public static readonly CsvColumn Latitude = CsvColumn.Optional("latitude", FieldKind.Parsed);
    public static readonly CsvColumn Longitude = CsvColumn.Optional("longitude", FieldKind.Parsed);

    public static readonly CsvColumn[] All =
    [
        IncidentNumber, ExposureNumber, AlarmDate, AlarmTime, IncidentType, IncidentDescription, PropertyLoss,
        ContentsLoss, Zip, PropertyUse, PropertyDescription, StreetNumber, StreetPrefix, StreetName, StreetSuffix,
        StreetType, Address2, Latitude, Longitude,
    ];
}
