using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources.Hydrants;

/// <summary>BWSC hydrant layer exported as CSV.</summary>
internal static class HydrantColumns
{
    public static readonly CsvColumn HydrantId = CsvColumn.Required("HYDRANT_ID", FieldKind.Identifier);
    public static readonly CsvColumn Status = CsvColumn.Required("STATUS", FieldKind.Code);
    public static readonly CsvColumn FlowClass = CsvColumn.Optional("FLOW_CLASS", FieldKind.Code);
    public static readonly CsvColumn FlowGpm = CsvColumn.Optional("FLOW_GPM", FieldKind.Parsed);
    public static readonly CsvColumn MainDiameter = CsvColumn.Optional("MAIN_DIAM_IN", FieldKind.Parsed);
    public static readonly CsvColumn LastFlowTest = CsvColumn.Optional("LAST_FLOW_TEST", FieldKind.Parsed);
    public static readonly CsvColumn PointX = CsvColumn.Optional("POINT_X", FieldKind.Parsed);
    public static readonly CsvColumn PointY = CsvColumn.Optional("POINT_Y", FieldKind.Parsed);
    public static readonly CsvColumn Latitude = CsvColumn.Optional("LATITUDE", FieldKind.Parsed);
    public static readonly CsvColumn Longitude = CsvColumn.Optional("LONGITUDE", FieldKind.Parsed);

    public static readonly CsvColumn[] All =
        [HydrantId, Status, FlowClass, FlowGpm, MainDiameter, LastFlowTest, PointX, PointY, Latitude, Longitude];
}
