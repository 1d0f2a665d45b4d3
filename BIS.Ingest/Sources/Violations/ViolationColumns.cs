using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.Violations;

/// <summary>Boston ISD "Building and Property Violations" as published on Analyze Boston.</summary>
internal static class ViolationColumns
{
    public static readonly CsvColumn CaseNo = CsvColumn.Required("case_no", FieldKind.Identifier);
    public static readonly CsvColumn StatusDate = CsvColumn.Optional("status_dttm", FieldKind.Parsed);
    public static readonly CsvColumn Status = CsvColumn.Required("status", FieldKind.Code);
    public static readonly CsvColumn Code = CsvColumn.Required("code", FieldKind.Code);
    public static readonly CsvColumn Description = CsvColumn.Required("description", FieldKind.Text);
    public static readonly CsvColumn StreetNumber = CsvColumn.Optional("violation_stno", FieldKind.Address);
    public static readonly CsvColumn StreetNumberHigh = CsvColumn.Optional("violation_sthigh", FieldKind.Address);
    public static readonly CsvColumn Street = CsvColumn.Required("violation_street", FieldKind.Address);
    public static readonly CsvColumn Suffix = CsvColumn.Optional("violation_suffix", FieldKind.Address);
    public static readonly CsvColumn City = CsvColumn.Optional("violation_city", FieldKind.Address);
    public static readonly CsvColumn State = CsvColumn.Optional("violation_state", FieldKind.Address);
    public static readonly CsvColumn Zip = CsvColumn.Optional("violation_zip", FieldKind.Address);
    public static readonly CsvColumn SamId = CsvColumn.Optional("sam_id", FieldKind.Identifier);
    public static readonly CsvColumn Latitude = CsvColumn.Optional("latitude", FieldKind.Parsed);
    public static readonly CsvColumn Longitude = CsvColumn.Optional("longitude", FieldKind.Parsed);
    public static readonly CsvColumn Location = CsvColumn.Optional("location", FieldKind.Parsed);

    public static readonly CsvColumn[] All =
    [
        CaseNo, StatusDate, Status, Code, Description, StreetNumber, StreetNumberHigh, Street, Suffix, City, State, Zip,
        SamId, Latitude, Longitude, Location,
    ];
}
