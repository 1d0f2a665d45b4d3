using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;
using C = BIS.Ingest.Sources.Hydrants.HydrantColumns;

namespace BIS.Ingest.Sources.Hydrants;

/// <summary>
/// BWSC hydrants. Record id HYDRANT_ID; AsOf LAST_FLOW_TEST (the only date the layer carries). A hydrant is
/// only useful where it stands, so one without usable coordinates is rejected.
/// </summary>
/// <remarks>
/// Field decisions: only an explicit in-service status counts as in service — an unknown or blank status is
/// staged as not in service rather than promising water. REMOVED hydrants are staged (InService false,
/// Status "REMOVED") so the index can drop them. FLOW_CLASS other than AA/A/B/C is derived from FLOW_GPM
/// when that is known (NFPA 291 bands), otherwise null; GPM outside 1–10 000 and main diameters outside
/// 2–48 inches are null.
/// </remarks>
public sealed class HydrantsReader(CoordinateCleaner coordinates, FieldBounds bounds) : IFeedReader
{
    public const string Role = "hydrants";

    private static readonly string[] InServiceStatuses = ["IN SERVICE", "INSERVICE", "IN-SERVICE", "ACTIVE", "IN SVC"];

    public FeedKind Feed => FeedKind.Hydrants;

    public IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken)
    {
        var files = input.Required(Feed, Role);
        return CsvBatch.Read(new RecordBatch(input.Known), files, bounds, BindWithCoordinates, cancellationToken);
    }

    private CsvRowMapper BindWithCoordinates(CsvFeed csv)
    {
        csv.Bind(C.All);
        if (!(csv.Has(C.PointX) && csv.Has(C.PointY)) && !(csv.Has(C.Latitude) && csv.Has(C.Longitude)))
        {
            throw new FeedRefusedException(
                $"{csv.File.Location} ({csv.File.Role}) has no coordinate columns: needs POINT_X and POINT_Y, or LATITUDE and LONGITUDE");
        }

        return Map;
    }

    private void Map(CsvRow row, RecordBatch batch, string? source)
    {
        if (batch.IdOrReject(row, C.HydrantId) is not { } id)
        {
            return;
        }

        var coordinate = Locating.PreferUsable(
            coordinates.FromXY(row[C.PointX], row[C.PointY]),
            () => coordinates.FromLatLon(row[C.Latitude], row[C.Longitude]));

        if (coordinate.Point is null)
        {
            batch.Reject(row, $"no usable coordinates ({coordinate.Problem})", id);
            return;
        }

        var status = FieldParser.Text(row[C.Status])?.ToUpperInvariant();
        var gpm = row.Int(C.FlowGpm, 1, 10_000);
        var diameter = row.Decimal(C.MainDiameter, 2, 48);
        var lastTest = row.Date(C.LastFlowTest);
        var hydrant = new HydrantRecord
        {
            HydrantId = id,
            InService = status is not null && InServiceStatuses.Contains(status),
            Status = status,
            FlowClass = FlowClass(row[C.FlowClass], gpm),
            FlowGpm = gpm,
            MainSizeInches = diameter,
            LastTested = lastTest,
        };

        batch.Stage(
            new StagedRecord
            {
                LineNumber = row.LineNumber,
                RecordId = id,
                Attributes = hydrant,
                Location = coordinate.Point,
                AsOf = lastTest is { } d ? BostonTime.StartOf(d) : null,
            },
            row,
            source);
    }

    /// <summary>NFPA 291: AA ≥ 1500 gpm, A 1000–1499, B 500–999, C below 500.</summary>
    private static string? FlowClass(string? text, int? gpm) => text?.Trim().ToUpperInvariant() switch
    {
        "AA" or "A" or "B" or "C" => text.Trim().ToUpperInvariant(),
        _ => gpm switch
        {
            >= 1500 => "AA",
            >= 1000 => "A",
            >= 500 => "B",
            > 0 => "C",
            _ => null,
        },
    };
}
