using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.Assessing;

/// <summary>Boston Property Assessment, with the names older and derived pulls use as aliases.</summary>
internal static class AssessmentColumns
{
    public static readonly CsvColumn Pid = CsvColumn.Required("PID", FieldKind.Identifier);
    public static readonly CsvColumn StreetNumber = CsvColumn.Optional("ST_NUM", FieldKind.Address);
    public static readonly CsvColumn StreetNumber2 = CsvColumn.Optional("ST_NUM2", FieldKind.Address);
    public static readonly CsvColumn StreetName = CsvColumn.Optional("ST_NAME", FieldKind.Address);
    public static readonly CsvColumn StreetSuffix = CsvColumn.Optional("ST_NAME_SUF", FieldKind.Address);
    public static readonly CsvColumn Unit = CsvColumn.Optional("UNIT_NUM", FieldKind.Address);
    public static readonly CsvColumn City = CsvColumn.Optional("CITY", FieldKind.Address);
    public static readonly CsvColumn Zip = CsvColumn.Optional("ZIP_CODE", FieldKind.Address, "ZIPCODE");
    public static readonly CsvColumn Owner = CsvColumn.Optional("OWNER", FieldKind.Text);
    // The owner's mailing address is shown as the owner's contact, not used to locate the parcel: free text, cut
    // when too long, never a reason to lose the backbone row.
    public static readonly CsvColumn MailAddressee = CsvColumn.Optional("MAIL_ADDRESSEE", FieldKind.Text);
    public static readonly CsvColumn MailStreet = CsvColumn.Optional("MAIL_STREET_ADDRESS", FieldKind.Text, "MAIL_ADDRESS");
    public static readonly CsvColumn MailCity = CsvColumn.Optional("MAIL_CITY", FieldKind.Text);
    public static readonly CsvColumn MailState = CsvColumn.Optional("MAIL_STATE", FieldKind.Text);
    public static readonly CsvColumn MailZip = CsvColumn.Optional("MAIL_ZIP_CODE", FieldKind.Parsed, "MAIL_ZIPCODE");
    public static readonly CsvColumn LandUse = CsvColumn.Optional("LU", FieldKind.Code, "LUC");
    public static readonly CsvColumn LandUseDescription = CsvColumn.Optional("LU_DESC", FieldKind.Text);
    public static readonly CsvColumn YearBuilt = CsvColumn.Optional("YR_BUILT", FieldKind.Parsed);
    public static readonly CsvColumn Floors = CsvColumn.Optional("NUM_FLOORS", FieldKind.Parsed, "RES_FLOOR");
    public static readonly CsvColumn ResidentialUnits = CsvColumn.Optional("RES_UNITS", FieldKind.Parsed);
    public static readonly CsvColumn CommercialUnits = CsvColumn.Optional("COM_UNITS", FieldKind.Parsed);
    public static readonly CsvColumn StructureClass = CsvColumn.Optional("STRUCTURE_CLASS", FieldKind.Code);
    public static readonly CsvColumn SamId = CsvColumn.Optional("SAM_ID", FieldKind.Identifier);

    public static readonly CsvColumn[] All =
    [
        Pid, StreetNumber, StreetNumber2, StreetName, StreetSuffix, Unit, City, Zip, Owner, MailAddressee, MailStreet,
        MailCity, MailState, MailZip, LandUse, LandUseDescription, YearBuilt, Floors, ResidentialUnits,
        CommercialUnits, StructureClass, SamId,
    ];
}
