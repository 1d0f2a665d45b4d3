using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.BuildingPermits;

/// <summary>Boston ISD "Approved Building Permits".</summary>
internal static class ApprovedPermitColumns
{
    public static readonly CsvColumn PermitNumber = CsvColumn.Required("permitnumber", FieldKind.Identifier);
    public static readonly CsvColumn WorkType = CsvColumn.Required("worktype", FieldKind.Code);
    public static readonly CsvColumn PermitTypeDescription = CsvColumn.Optional("permittypedescr", FieldKind.Text);
    public static readonly CsvColumn Description = CsvColumn.Optional("description", FieldKind.Text);
    public static readonly CsvColumn Comments = CsvColumn.Optional("comments", FieldKind.Text);
    public static readonly CsvColumn Applicant = CsvColumn.Optional("applicant", FieldKind.Text);
    public static readonly CsvColumn IssuedDate = CsvColumn.Optional("issued_date", FieldKind.Parsed);
    public static readonly CsvColumn ExpirationDate = CsvColumn.Optional("expiration_date", FieldKind.Parsed);
    public static readonly CsvColumn Status = CsvColumn.Optional("status", FieldKind.Code);
    public static readonly CsvColumn OccupancyType = CsvColumn.Optional("occupancytype", FieldKind.Code);
    public static readonly CsvColumn Address = CsvColumn.Required("address", FieldKind.Address);
    public static readonly CsvColumn City = CsvColumn.Optional("city", FieldKind.Address);
    public static readonly CsvColumn State = CsvColumn.Optional("state", FieldKind.Address);
    public static readonly CsvColumn Zip = CsvColumn.Optional("zip", FieldKind.Address);
    public static readonly CsvColumn ParcelId = CsvColumn.Optional("parcel_id", FieldKind.Identifier);
    public static readonly CsvColumn GpsY = CsvColumn.Optional("gpsy", FieldKind.Parsed);
    public static readonly CsvColumn GpsX = CsvColumn.Optional("gpsx", FieldKind.Parsed);
    public static readonly CsvColumn Latitude = CsvColumn.Optional("y_latitude", FieldKind.Parsed, "latitude", "lat");
    public static readonly CsvColumn Longitude = CsvColumn.Optional("x_longitude", FieldKind.Parsed, "longitude", "long", "lon");

    public static readonly CsvColumn[] All =
    [
        PermitNumber, WorkType, PermitTypeDescription, Description, Comments, Applicant, IssuedDate, ExpirationDate,
        Status, OccupancyType, Address, City, State, Zip, ParcelId, GpsY, GpsX, Latitude, Longitude,
    ];
}

/// <summary>Boston "Zoning Board of Appeal Tracker".</summary>
internal static class ZbaColumns
{
    public static readonly CsvColumn BoaApno = CsvColumn.Required("boa_apno", FieldKind.Identifier);
    public static readonly CsvColumn Address = CsvColumn.Required("address", FieldKind.Address);
    public static readonly CsvColumn Status = CsvColumn.Optional("status", FieldKind.Code);
    public static readonly CsvColumn ParentApno = CsvColumn.Optional("parent_apno", FieldKind.Identifier);
    public static readonly CsvColumn AppealType = CsvColumn.Optional("appeal_type", FieldKind.Code);
    public static readonly CsvColumn Contact = CsvColumn.Optional("contact", FieldKind.Text);
    public static readonly CsvColumn SubmittedDate = CsvColumn.Optional("submitted_date", FieldKind.Parsed);
    public static readonly CsvColumn ReceivedDate = CsvColumn.Optional("received_date", FieldKind.Parsed);
    public static readonly CsvColumn HearingDate = CsvColumn.Optional("hearing_date", FieldKind.Parsed);
    public static readonly CsvColumn FinalDecisionDate = CsvColumn.Optional("final_decision_date", FieldKind.Parsed);
    public static readonly CsvColumn Decision = CsvColumn.Optional("decision", FieldKind.Code);
    public static readonly CsvColumn ClosedDate = CsvColumn.Optional("closed_date", FieldKind.Parsed);
    public static readonly CsvColumn City = CsvColumn.Optional("city", FieldKind.Address);
    public static readonly CsvColumn Zip = CsvColumn.Optional("zip", FieldKind.Address);
    public static readonly CsvColumn ProjectDescription = CsvColumn.Optional("project_description", FieldKind.Text);

    public static readonly CsvColumn[] All =
    [
        BoaApno, Address, Status, ParentApno, AppealType, Contact, SubmittedDate, ReceivedDate, HearingDate,
        FinalDecisionDate, Decision, ClosedDate, City, Zip, ProjectDescription,
    ];
}
