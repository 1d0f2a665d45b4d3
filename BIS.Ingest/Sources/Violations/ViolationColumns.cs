using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.Violations;

/// <summary>Boston ISD "Building and Property Violations" as published on Analyze Boston.</summary>
internal static class ViolationColumns
{
    public static readonly CsvColumn CaseNo = CsvColumn.Required("case_no");
    public static readonly CsvColumn StatusDate = CsvColumn.Optional("status_dttm");
    public static readonly CsvColumn Status = CsvColumn.Required("status");
    public static readonly CsvColumn Code = CsvColumn.Required("code");
    public static readonly CsvColumn Description = CsvColumn.Required("description");
    public static readonly CsvColumn StreetNumber = CsvColumn.Optional("violation_stno");
    public static readonly CsvColumn StreetNumberHigh = CsvColumn.Optional("violation_sthigh");
    public static readonly CsvColumn Street = CsvColumn.Required("violation_street");
    public static readonly CsvColumn Suffix = CsvColumn.Optional("violation_suffix");
    public static readonly CsvColumn City = CsvColumn.Optional("violation_city");
    public static readonly CsvColumn State = CsvColumn.Optional("violation_state");
    public static readonly CsvColumn Zip = CsvColumn.Optional("violation_zip");
    public static readonly CsvColumn SamId = CsvColumn.Optional("sam_id");
    public static readonly CsvColumn Latitude = CsvColumn.Optional("latitude");
    public static readonly CsvColumn Longitude = CsvColumn.Optional("longitude");
    public static readonly CsvColumn Location = CsvColumn.Optional("location");

    public static readonly CsvColumn[] All =
    [
        CaseNo, StatusDate, Status, Code, Description, StreetNumber, StreetNumberHigh, Street, Suffix, City, State, Zip,
        SamId, Latitude, Longitude, Location,
    ];
}
