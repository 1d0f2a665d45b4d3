using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.BuildingPermits;

/// <summary>Boston ISD "Approved Building Permits".</summary>
internal static class ApprovedPermitColumns
{
    public static readonly CsvColumn PermitNumber = CsvColumn.Required("permitnumber");
    public static readonly CsvColumn WorkType = CsvColumn.Required("worktype");
    public static readonly CsvColumn PermitTypeDescription = CsvColumn.Optional("permittypedescr");
    public static readonly CsvColumn Description = CsvColumn.Optional("description");
    public static readonly CsvColumn Comments = CsvColumn.Optional("comments");
    public static readonly CsvColumn Applicant = CsvColumn.Optional("applicant");
    public static readonly CsvColumn IssuedDate = CsvColumn.Optional("issued_date");
    public static readonly CsvColumn ExpirationDate = CsvColumn.Optional("expiration_date");
    public static readonly CsvColumn Status = CsvColumn.Optional("status");
    public static readonly CsvColumn OccupancyType = CsvColumn.Optional("occupancytype");
    public static readonly CsvColumn Address = CsvColumn.Required("address");
    public static readonly CsvColumn City = CsvColumn.Optional("city");
    public static readonly CsvColumn State = CsvColumn.Optional("state");
    public static readonly CsvColumn Zip = CsvColumn.Optional("zip");
    public static readonly CsvColumn ParcelId = CsvColumn.Optional("parcel_id");
    public static readonly CsvColumn GpsY = CsvColumn.Optional("gpsy");
    public static readonly CsvColumn GpsX = CsvColumn.Optional("gpsx");
    public static readonly CsvColumn Latitude = CsvColumn.Optional("y_latitude", "latitude", "lat");
    public static readonly CsvColumn Longitude = CsvColumn.Optional("x_longitude", "longitude", "long", "lon");

    public static readonly CsvColumn[] All =
    [
        PermitNumber, WorkType, PermitTypeDescription, Description, Comments, Applicant, IssuedDate, ExpirationDate,
        Status, OccupancyType, Address, City, State, Zip, ParcelId, GpsY, GpsX, Latitude, Longitude,
    ];
}

/// <summary>Boston "Zoning Board of Appeal Tracker".</summary>
internal static class ZbaColumns
{
    public static readonly CsvColumn BoaApno = CsvColumn.Required("boa_apno");
    public static readonly CsvColumn Address = CsvColumn.Required("address");
    public static readonly CsvColumn Status = CsvColumn.Optional("status");
    public static readonly CsvColumn ParentApno = CsvColumn.Optional("parent_apno");
    public static readonly CsvColumn AppealType = CsvColumn.Optional("appeal_type");
    public static readonly CsvColumn Contact = CsvColumn.Optional("contact");
    public static readonly CsvColumn SubmittedDate = CsvColumn.Optional("submitted_date");
    public static readonly CsvColumn ReceivedDate = CsvColumn.Optional("received_date");
    public static readonly CsvColumn HearingDate = CsvColumn.Optional("hearing_date");
    public static readonly CsvColumn FinalDecisionDate = CsvColumn.Optional("final_decision_date");
    public static readonly CsvColumn Decision = CsvColumn.Optional("decision");
    public static readonly CsvColumn ClosedDate = CsvColumn.Optional("closed_date");
    public static readonly CsvColumn City = CsvColumn.Optional("city");
    public static readonly CsvColumn Zip = CsvColumn.Optional("zip");
    public static readonly CsvColumn ProjectDescription = CsvColumn.Optional("project_description");

    public static readonly CsvColumn[] All =
    [
        BoaApno, Address, Status, ParentApno, AppealType, Contact, SubmittedDate, ReceivedDate, HearingDate,
        FinalDecisionDate, Decision, ClosedDate, City, Zip, ProjectDescription,
    ];
}
