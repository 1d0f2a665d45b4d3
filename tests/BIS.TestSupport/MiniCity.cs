using System.Globalization;
using System.Text;

namespace BIS.TestSupport;

/// <summary>
/// A tiny hand-made city in the real formats (Boston parcel GeoJSON, assessment CSV, ISD violations
/// CSV, BWSC hydrant CSV) for tests that need to control every row: three parcels on Sumner and Meridian
/// streets and one hydrant in front of them, and whatever buildings a test adds (<see cref="AddBuilding"/>).
/// </summary>
public sealed class MiniCity : IDisposable
{
    public const string ViolationsHeader =
        "case_no,ap_case_defn_key,status_dttm,status,code,value,description,violation_stno,violation_sthigh,violation_street,violation_suffix,violation_city,violation_state,violation_zip,ward,contact_addr1,contact_addr2,contact_city,contact_state,contact_zip,sam_id,latitude,longitude,location";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("bis-minicity-").FullName;

    public string Parcels => Path.Combine(Directory, "parcels.geojson");
    public string Assessment => Path.Combine(Directory, "assessment.csv");
    public string Violations => Path.Combine(Directory, "violations.csv");
    public string Hydrants => Path.Combine(Directory, "hydrants.csv");

    // The row of parcels added by AddBuilding: west edge of the first, and the width (about 33 m) and depth of each.
    private const double RowWest = -71.04400, RowSouth = 42.37100, ParcelWidth = 0.0004, ParcelDepth = 0.0002;

    private readonly List<string> _parcelFeatures =
    [
        """{"type":"Feature","properties":{"PARCEL":"0102280000","PID_LONG":"0102280000","WARD":"01"},"geometry":{"type":"Polygon","coordinates":[[[-71.03680,42.36760],[-71.03640,42.36760],[-71.03640,42.36780],[-71.03680,42.36780],[-71.03680,42.36760]]]}}""",
        """{"type":"Feature","properties":{"PARCEL":"0102290000","PID_LONG":"0102290000","WARD":"01"},"geometry":{"type":"Polygon","coordinates":[[[-71.03640,42.36760],[-71.03600,42.36760],[-71.03600,42.36780],[-71.03640,42.36780],[-71.03640,42.36760]]]}}""",
        """{"type":"Feature","properties":{"PARCEL":"0103000000","PID_LONG":"0103000000","WARD":"01"},"geometry":{"type":"Polygon","coordinates":[[[-71.03900,42.37000],[-71.03860,42.37000],[-71.03860,42.37020],[-71.03900,42.37020],[-71.03900,42.37000]]]}}""",
    ];

    private int _added;

    public MiniCity()
    {
        WriteParcels();
        File.WriteAllText(Assessment, """
            PID,ST_NUM,ST_NAME,CITY,ZIP_CODE,OWNER,LU,LU_DESC,YR_BUILT,NUM_FLOORS,RES_UNITS,STRUCTURE_CLASS
            0102280000,302,SUMNER ST,EAST BOSTON,02128,PEDRO LOPEZ LLC,R3,THREE-FAM DWELLING,1900,3,3,R
            0102290000,304,SUMNER ST,EAST BOSTON,02128,HARBOR VIEW TRUST,R2,TWO-FAM DWELLING,1925,2,2,R
            0103000000,100,MERIDIAN ST,EAST BOSTON,02128,MERIDIAN HOLDINGS,C,COMMERCIAL,1960,2,0,C

            """);
        WriteViolations(ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
                        ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
        File.WriteAllText(Hydrants, """
            HYDRANT_ID,STATUS,FLOW_CLASS,LATITUDE,LONGITUDE
            H-1,IN SERVICE,AA,42.36755,-71.03650

            """);
    }

    /// <summary>A violation row; <paramref name="at"/> fills its latitude and longitude, which are blank otherwise.</summary>
    public static string ViolationRow(
        string caseNo, string status, string description, string number, string street, string suffix, string code = "121.2",
        (double Latitude, double Longitude)? at = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{caseNo},1013,2024-10-01 10:00:00,{status},{code},N/A,{description},{number},,{street},{suffix},East Boston,MA,02128,01,1 Main St,,Boston,MA,02110,,{at?.Latitude},{at?.Longitude},");

    /// <summary>
    /// Adds a building to the city: a square parcel east of the last one added, in a row of its own north of the
    /// city's three, and its assessment row. <paramref name="number"/> is ST_NUM as Boston writes it ("225", "46-48",
    /// "319R"), <paramref name="street"/> ST_NAME ("SARATOGA ST"). Returns the middle of the parcel.
    /// </summary>
    public (double Latitude, double Longitude) AddBuilding(string pid, string number, string street)
    {
        var west = RowWest + _added++ * ParcelWidth;
        var (east, north) = (west + ParcelWidth, RowSouth + ParcelDepth);
        _parcelFeatures.Add(string.Create(CultureInfo.InvariantCulture,
            $$$"""{"type":"Feature","properties":{"PARCEL":"{{{pid}}}","PID_LONG":"{{{pid}}}","WARD":"01"},"geometry":{"type":"Polygon","coordinates":[[[{{{west:F5}}},{{{RowSouth:F5}}}],[{{{east:F5}}},{{{RowSouth:F5}}}],[{{{east:F5}}},{{{north:F5}}}],[{{{west:F5}}},{{{north:F5}}}],[{{{west:F5}}},{{{RowSouth:F5}}}]]]}}"""));
        WriteParcels();
        File.AppendAllText(Assessment, $"{pid},{number},{street},EAST BOSTON,02128,OWNER OF {pid},R1,SINGLE FAM DWELLING,1910,2,1,R\n");
        return (RowSouth + ParcelDepth / 2, west + ParcelWidth / 2);
    }

    private void WriteParcels() =>
        File.WriteAllText(Parcels, $$"""
            {"type":"FeatureCollection","features":[
            {{string.Join(",\n", _parcelFeatures)}}
            ]}
            """);

    public void WriteViolations(params string[] rows)
    {
        var text = new StringBuilder(ViolationsHeader).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }

        File.WriteAllText(Violations, text.ToString());
    }

    /// <summary>Configuration entries pointing the assessing, hydrants and violations feeds at this city.</summary>
    public Dictionary<string, string?> FeedSettings() => new()
    {
        ["Feeds:Sources:assessing:SourceName"] = "Mini assessing",
        ["Feeds:Sources:assessing:Files:0:Role"] = "parcels",
        ["Feeds:Sources:assessing:Files:0:Location"] = Parcels,
        ["Feeds:Sources:assessing:Files:1:Role"] = "assessment",
        ["Feeds:Sources:assessing:Files:1:Location"] = Assessment,
        ["Feeds:Sources:violations:SourceName"] = "Mini violations",
        ["Feeds:Sources:violations:Files:0:Role"] = "violations",
        ["Feeds:Sources:violations:Files:0:Location"] = Violations,
        ["Feeds:Sources:hydrants:SourceName"] = "Mini hydrants",
        ["Feeds:Sources:hydrants:Files:0:Role"] = "hydrants",
        ["Feeds:Sources:hydrants:Files:0:Location"] = Hydrants,
    };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
