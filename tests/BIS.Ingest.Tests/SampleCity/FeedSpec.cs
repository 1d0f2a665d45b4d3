namespace BIS.Ingest.Tests.SampleCity;

/// <summary>The columns docs/feed-formats.md specifies for each generated file shape, copied from the spec.</summary>
internal static class FeedSpec
{
    public static readonly string[] Assessment =
    [
        "PID", "CM_ID", "ST_NUM", "ST_NUM2", "ST_NAME", "ST_NAME_SUF", "UNIT_NUM", "CITY", "ZIP_CODE", "OWNER", "MAIL_ADDRESSEE",
        "MAIL_STREET_ADDRESS", "MAIL_CITY", "MAIL_STATE", "MAIL_ZIP_CODE", "LU", "LU_DESC", "BLDG_TYPE", "YR_BUILT", "YR_REMODEL",
        "NUM_FLOORS", "RES_UNITS", "COM_UNITS", "STRUCTURE_CLASS", "SAM_ID",
    ];

    public static readonly string[] ApprovedPermits =
    [
        "permitnumber", "worktype", "permittypedescr", "description", "comments", "applicant", "declared_valuation", "total_fees",
        "issued_date", "expiration_date", "status", "occupancytype", "sq_feet", "address", "city", "state", "zip", "property_id",
        "parcel_id", "gpsy", "gpsx", "y_latitude", "x_longitude",
    ];

    public static readonly string[] Violations =
    [
        "case_no", "ap_case_defn_key", "status_dttm", "status", "code", "value", "description", "violation_stno", "violation_sthigh",
        "violation_street", "violation_suffix", "violation_city", "violation_state", "violation_zip", "ward", "contact_addr1",
        "contact_addr2", "contact_city", "contact_state", "contact_zip", "sam_id", "latitude", "longitude", "location",
    ];

    public static readonly string[] HazmatPermits =
    [
        "PERMIT_NUMBER", "BUSINESS_NAME", "ADDRESS", "PARCEL_ID", "SAM_ID", "MATERIAL", "UN_NUMBER", "QUANTITY", "QUANTITY_UNIT",
        "NFPA_HEALTH", "NFPA_FIRE", "NFPA_REACTIVITY", "NFPA_SPECIAL", "STORAGE_LOCATION", "PERMIT_STATUS", "ISSUED_DATE",
        "EXPIRATION_DATE", "LATITUDE", "LONGITUDE",
    ];

    public static readonly string[] NfirsIncidents =
    [
        "incident_number", "exposure_number", "alarm_date", "alarm_time", "incident_type", "incident_description",
        "estimated_property_loss", "estimated_contents_loss", "district", "zip", "property_use", "property_description",
        "street_number", "street_prefix", "street_name", "street_suffix", "street_type", "address_2", "latitude", "longitude",
    ];

    public static readonly string[] Hydrants =
        ["HYDRANT_ID", "STATUS", "FLOW_CLASS", "FLOW_GPM", "MAIN_DIAM_IN", "LAST_FLOW_TEST", "POINT_X", "POINT_Y", "LATITUDE", "LONGITUDE"];

    public static readonly string[] PlanFields =
    [
        "planId", "address", "samId", "parcelId", "latitude", "longitude", "inspectedOn", "occupancyName", "constructionType",
        "sprinkler", "standpipe", "fdcLocation", "knoxBoxLocation", "alarmPanelLocation", "trussRoof", "solarPv",
        "batteryStorageKwh", "vacantMarking", "notes",
    ];

    /// <summary>The spec'd columns of a generated CSV, from its feed and header shape.</summary>
    public static string[] ColumnsFor(string feed, IReadOnlyList<string> header) => feed switch
    {
        "assessing" => Assessment,
        "building-permits" => ApprovedPermits,
        "violations" => Violations,
        "hazmat-permits" => HazmatPermits,
        "fire-incidents" => NfirsIncidents,
        "hydrants" => Hydrants,
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "no CSV spec"),
    };
}
