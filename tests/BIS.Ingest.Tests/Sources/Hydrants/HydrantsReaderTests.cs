using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Hydrants;

namespace BIS.Ingest.Tests.Sources.Hydrants;

public class HydrantsReaderTests
{
    private readonly HydrantsReader _reader = new(SourceTestKit.Cleaner, SourceTestKit.Bounds);

    private ReadResult Fixture() => _reader.ReadAll(("hydrants", SourceTestKit.Fixture("Hydrants", "hydrants.csv")));

    [Fact]
    public void Loads_the_fixture_with_counts()
    {
        var result = Fixture();

        Assert.Equal(["H-01-0001", "H-01-0002", "H-01-0003", "H-01-0004", "H-01-0008", "H-01-0009"], result.Staged.Select(s => s.RecordId));
        Assert.Equal([6L, 7L, 8L, 10L], result.Rejected.Select(r => r.LineNumber));
        Assert.Equal($"no usable coordinates ({CoordinateCleaner.NoCoordinates})", result.RejectedAt(6).Reason);
        Assert.Equal($"no usable coordinates ({CoordinateCleaner.Placeholder})", result.RejectedAt(7).Reason);
        Assert.Equal("missing HYDRANT_ID", result.RejectedAt(8).Reason);
        Assert.StartsWith("superseded by line 11", result.RejectedAt(10).Reason);
        Assert.Equal(1250, result.Attributes<HydrantRecord>("H-01-0009").FlowGpm);
    }

    [Fact]
    public void State_plane_hydrant_is_converted()
    {
        var record = Fixture().Record("H-01-0001");
        var hydrant = (HydrantRecord)record.Attributes;

        Assert.Equal(42.3676785, record.Location!.Y, 0.000001);
        Assert.Equal(-71.0365804, record.Location.X, 0.000001);
        Assert.True(hydrant.InService);
        Assert.Equal("AA", hydrant.FlowClass);
        Assert.Equal(1650, hydrant.FlowGpm);
        Assert.Equal(12m, hydrant.MainSizeInches);
        Assert.Equal(new DateOnly(2023, 5, 17), hydrant.LastTested);
        Assert.Equal(new DateTimeOffset(2023, 5, 17, 0, 0, 0, TimeSpan.FromHours(-4)), record.AsOf);
        Assert.Null(record.Address);
    }

    [Fact]
    public void Status_swapped_coordinates_and_derived_flow_class()
    {
        var result = Fixture();

        Assert.False(result.Attributes<HydrantRecord>("H-01-0002").InService);
        var mixedCase = result.Record("H-01-0003");
        var hydrant = (HydrantRecord)mixedCase.Attributes;
        Assert.True(hydrant.InService);
        Assert.Equal("B", hydrant.FlowClass); // from 750 gpm
        Assert.Equal(new DateOnly(2021, 5, 3), hydrant.LastTested);
        Assert.Equal(42.3755, mixedCase.Location!.Y);
        var removed = result.Attributes<HydrantRecord>("H-01-0004");
        Assert.False(removed.InService);
        Assert.Equal("REMOVED", removed.Status);
        var blankStatus = result.Attributes<HydrantRecord>("H-01-0008");
        Assert.False(blankStatus.InService);
        Assert.Null(blankStatus.Status);
    }

    [Fact]
    public void Refuses_a_layer_without_coordinate_columns()
    {
        using var files = new TempFiles();
        var path = files.Write("h.csv", "HYDRANT_ID,STATUS,LATITUDE\nH1,IN SERVICE,42.37\n");

        var error = Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("hydrants", path)));

        Assert.Contains("POINT_X", error.Message);
    }

    [Fact]
    public void Out_of_range_values_are_null()
    {
        using var files = new TempFiles();
        var path = files.Write("h.csv", "HYDRANT_ID,STATUS,FLOW_CLASS,FLOW_GPM,MAIN_DIAM_IN,LATITUDE,LONGITUDE\nH1,IN SERVICE,Z,99999,120,42.37,-71.03\n");

        var hydrant = _reader.ReadAll(("hydrants", path)).Attributes<HydrantRecord>("H1");

        Assert.Null(hydrant.FlowClass);
        Assert.Null(hydrant.FlowGpm);
        Assert.Null(hydrant.MainSizeInches);
    }
}
