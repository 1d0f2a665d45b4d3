using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.Hydrants;

/// <summary>BWSC hydrant layer exported as CSV.</summary>
internal static class HydrantColumns
{
    public static readonly CsvColumn HydrantId = CsvColumn.Required("HYDRANT_ID");
    public static readonly CsvColumn Status = CsvColumn.Required("STATUS");
    public static readonly CsvColumn FlowClass = CsvColumn.Optional("FLOW_CLASS");
    public static readonly CsvColumn FlowGpm = CsvColumn.Optional("FLOW_GPM");
    public static readonly CsvColumn MainDiameter = CsvColumn.Optional("MAIN_DIAM_IN");
    public static readonly CsvColumn LastFlowTest = CsvColumn.Optional("LAST_FLOW_TEST");
    public static readonly CsvColumn PointX = CsvColumn.Optional("POINT_X");
    public static readonly CsvColumn PointY = CsvColumn.Optional("POINT_Y");
    public static readonly CsvColumn Latitude = CsvColumn.Optional("LATITUDE");
    public static readonly CsvColumn Longitude = CsvColumn.Optional("LONGITUDE");

    public static readonly CsvColumn[] All =
        [HydrantId, Status, FlowClass, FlowGpm, MainDiameter, LastFlowTest, PointX, PointY, Latitude, Longitude];
}
