using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.FireIncidents;

namespace BIS.Ingest.Tests.Sources.FireIncidents;

public class FireIncidentsReaderTests
{
    private readonly FireIncidentsReader _reader = new(SourceTestKit.Cleaner, SourceTestKit.Bounds);

    [Fact]
    public void Loads_the_real_2012_geocoded_extract()
    {
        var result = _reader.ReadAll(("incidents", SourceTestKit.Real("fire_incidents_2012_geocoded_derived.csv")));

        Assert.Equal(1637, result.Staged.Count);
        Assert.Equal(68, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.StartsWith("duplicate of line", r.Reason));
        Assert.Equal("duplicate of line 5", result.RejectedAt(13).Reason);
        Assert.All(result.Staged, s => Assert.Matches("^FI-[0-9a-f]{16}$", s.RecordId));
    }

    [Fact]
    public void Maps_the_first_incident_of_2012()
    {
        var result = _reader.ReadAll(("incidents", SourceTestKit.Real("fire_incidents_2012_geocoded_derived.csv")));

        var record = result.Staged.Single(s => s.LineNumber == 2);
        var incident = (FireIncidentRecord)record.Attributes;
        Assert.Equal(record.RecordId, incident.IncidentId);
        Assert.Equal(new DateOnly(2012, 1, 1), incident.AlarmDate);
        Assert.Null(incident.NfirsIncidentType);
        Assert.Equal("44 JOHN ELIOT SQ Boston, MA 02119", record.AddressText);
        Assert.Equal("44 JOHN ELIOT SQ", record.Address!.Key);
        Assert.Equal("02119", record.Address.Zip);
        Assert.Equal(42.3299544, record.Location!.Y);
        Assert.Equal(new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)), record.AsOf);
    }

    [Fact]
    public void Record_ids_are_stable_across_runs()
    {
        var first = _reader.ReadAll(("incidents", SourceTestKit.Real("fire_incidents_2012_geocoded_derived.csv")));
        var second = _reader.ReadAll(("incidents", SourceTestKit.Real("fire_incidents_2012_geocoded_derived.csv")));

        Assert.Equal(first.Staged.Select(s => s.RecordId), second.Staged.Select(s => s.RecordId));
    }

    [Fact]
    public void Geocoder_misses_keep_the_incident_without_a_point()
    {
        var result = _reader.ReadAll(("incidents", SourceTestKit.Real("fire_incidents_2012_geocoded_derived.csv")));

        var virginia = result.Staged.Single(s => s.LineNumber == 12); // "2ND ST Boston, MA 02127" geocoded to Virginia
        Assert.Null(virginia.Location);
        Assert.Equal("2ND ST", virginia.Address!.Street);
        Assert.Equal(1637 - 114, result.Staged.Count(s => s.Location is not null)); // blank, placeholder or out-of-area geocodes
    }

    [Fact]
    public void Reads_the_nfirs_shape()
    {
        var result = _reader.ReadAll(("incidents", SourceTestKit.Fixture("FireIncidents", "fire_incident_reporting.csv")));

        Assert.Equal(["19-0000123", "19-0000123-1", "19-0000456"], result.Staged.Select(s => s.RecordId));
        Assert.Contains(CoordinateCleaner.Placeholder, result.RejectedAt(5).Reason);
        Assert.Equal("missing incident_number", result.RejectedAt(6).Reason);
        Assert.Equal("alarm_date 'yesterday' is not a date", result.RejectedAt(7).Reason);

        var fire = result.Record("19-0000123");
        var incident = (FireIncidentRecord)fire.Attributes;
        Assert.Equal("111", incident.NfirsIncidentType);
        Assert.Equal("Building fire", incident.Description);
        Assert.Equal("429 Multifamily dwelling", incident.PropertyUse);
        Assert.Equal(30000m, incident.EstimatedLoss);
        Assert.Equal("302 SUMNER ST", fire.Address!.Key);
        Assert.Equal("02128", fire.Address.Zip);
        Assert.Equal(new DateTimeOffset(2019, 1, 3, 2, 14, 9, TimeSpan.FromHours(-5)), fire.AsOf);

        var cooking = result.Attributes<FireIncidentRecord>("19-0000456");
        Assert.Equal("113", cooking.NfirsIncidentType);
        Assert.Equal("Cooking fire confined to container", cooking.Description);
        Assert.Equal(0m, cooking.EstimatedLoss);
        Assert.Null(result.Record("19-0000456").Location);
    }

    [Fact]
    public void Refuses_an_unknown_shape()
    {
        using var files = new TempFiles();
        var path = files.Write("x.csv", "address,date\n1 Main St,2020-01-01\n");

        Assert.Contains("neither", Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("incidents", path))).Message);
    }
}
