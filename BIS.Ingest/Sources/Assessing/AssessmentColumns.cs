using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.Assessing;

/// <summary>Boston Property Assessment, with the names older and derived pulls use as aliases.</summary>
internal static class AssessmentColumns
{
    public static readonly CsvColumn Pid = CsvColumn.Required("PID");
    public static readonly CsvColumn StreetNumber = CsvColumn.Optional("ST_NUM");
    public static readonly CsvColumn StreetNumber2 = CsvColumn.Optional("ST_NUM2");
    public static readonly CsvColumn StreetName = CsvColumn.Optional("ST_NAME");
    public static readonly CsvColumn StreetSuffix = CsvColumn.Optional("ST_NAME_SUF");
    public static readonly CsvColumn Unit = CsvColumn.Optional("UNIT_NUM");
    public static readonly CsvColumn City = CsvColumn.Optional("CITY");
    public static readonly CsvColumn Zip = CsvColumn.Optional("ZIP_CODE", "ZIPCODE");
    public static readonly CsvColumn Owner = CsvColumn.Optional("OWNER");
    public static readonly CsvColumn MailAddressee = CsvColumn.Optional("MAIL_ADDRESSEE");
    public static readonly CsvColumn MailStreet = CsvColumn.Optional("MAIL_STREET_ADDRESS", "MAIL_ADDRESS");
    public static readonly CsvColumn MailCity = CsvColumn.Optional("MAIL_CITY");
    public static readonly CsvColumn MailState = CsvColumn.Optional("MAIL_STATE");
    public static readonly CsvColumn MailZip = CsvColumn.Optional("MAIL_ZIP_CODE", "MAIL_ZIPCODE");
    public static readonly CsvColumn LandUse = CsvColumn.Optional("LU", "LUC");
    public static readonly CsvColumn LandUseDescription = CsvColumn.Optional("LU_DESC");
    public static readonly CsvColumn YearBuilt = CsvColumn.Optional("YR_BUILT");
    public static readonly CsvColumn Floors = CsvColumn.Optional("NUM_FLOORS", "RES_FLOOR");
    public static readonly CsvColumn ResidentialUnits = CsvColumn.Optional("RES_UNITS");
    public static readonly CsvColumn CommercialUnits = CsvColumn.Optional("COM_UNITS");
    public static readonly CsvColumn StructureClass = CsvColumn.Optional("STRUCTURE_CLASS");
    public static readonly CsvColumn SamId = CsvColumn.Optional("SAM_ID");

    public static readonly CsvColumn[] All =
    [
        Pid, StreetNumber, StreetNumber2, StreetName, StreetSuffix, Unit, City, Zip, Owner, MailAddressee, MailStreet,
        MailCity, MailState, MailZip, LandUse, LandUseDescription, YearBuilt, Floors, ResidentialUnits,
        CommercialUnits, StructureClass, SamId,
    ];
}
