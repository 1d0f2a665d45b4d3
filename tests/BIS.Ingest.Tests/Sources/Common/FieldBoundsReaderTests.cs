using BIS.Domain.Sources;
using BIS.Ingest.Sources.Assessing;
using BIS.Ingest.Sources.BuildingPermits;
using BIS.Ingest.Sources.Common;
using BIS.Ingest.Sources.FireIncidents;
using BIS.Ingest.Sources.HazmatPermits;
using BIS.Ingest.Sources.Hydrants;
using BIS.Ingest.Sources.Inspections;
using BIS.Ingest.Sources.Violations;

namespace BIS.Ingest.Tests.Sources.Common;

/// <summary>Every reader holds the fields it reads to their bounds: free text cut with a warning, damage rejected with the reason.</summary>
public class FieldBoundsReaderTests
{
    private const string ViolationsHeader = "case_no,status,code,description,violation_stno,violation_street,violation_suffix";
    private static readonly string Huge = new('x', 2 * 1024 * 1024);
    private static readonly string LongId = new('9', 201);
    private static readonly string LongAddress = new('S', 501);
    private static readonly string LongCode = new('C', 101);

    [Fact]
    public void Violations_cut_a_huge_description_and_reject_an_overlong_case_number_street_or_status()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", string.Join('\n',
            ViolationsHeader,
            $"V1,Open,105.1,{Huge},302,Sumner,ST",
            $"{LongId},Open,105.1,Permit,302,Sumner,ST",
            $"V3,Open,105.1,Permit,302,{LongAddress},ST",
            $"V4,{LongCode},105.1,Permit,302,Sumner,ST",
            "V5,Open,105.1,Permit,304,Sumner,ST") + "\n");

        var result = new ViolationsReader(SourceTestKit.Cleaner, SourceTestKit.Bounds).ReadAll(("violations", path));

        Assert.Equal(["V1#105.1", "V5#105.1"], result.Staged.Select(s => s.RecordId));
        var v1 = result.Record("V1#105.1");
        Assert.Equal(new string('x', 8_000), ((ViolationRecord)v1.Attributes).Description);
        Assert.Equal(["description: 2,097,152 characters, cut to 8,000"], v1.Warnings);
        Assert.Null(result.Record("V5#105.1").Warnings);

        // An id that is not one names no record; an address or status that is not one names the record it was for.
        Assert.Equal("case_no: 201 characters, more than the 200 an identifier can have", result.RejectedAt(3).Reason);
        Assert.Null(result.RejectedAt(3).RecordId);
        Assert.StartsWith(LongId, result.RejectedAt(3).RawText, StringComparison.Ordinal);
        Assert.Equal("violation_street: 501 characters, more than the 500 an address field can have", result.RejectedAt(4).Reason);
        Assert.Equal("V3#105.1", result.RejectedAt(4).RecordId);
        Assert.Equal("status: 101 characters, more than the 100 a code can have", result.RejectedAt(5).Reason);
        Assert.Equal("V4#105.1", result.RejectedAt(5).RecordId);
    }

    [Fact]
    public void The_configured_text_bound_is_the_one_a_reader_cuts_at()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", $"{ViolationsHeader}\nV1,Open,105.1,{new string('d', 150)},302,Sumner,ST\n");

        var result = new ViolationsReader(SourceTestKit.Cleaner, new FieldBounds(100)).ReadAll(("violations", path));

        var v1 = result.Record("V1#105.1");
        Assert.Equal(new string('d', 100), ((ViolationRecord)v1.Attributes).Description);
        Assert.Equal(["description: 150 characters, cut to 100"], v1.Warnings);
    }

    [Fact]
    public void Hazmat_cuts_storage_location_and_holds_a_material_that_names_the_record_to_an_ids_bound()
    {
        using var files = new TempFiles();
        const string Header = "PERMIT_NUMBER,BUSINESS_NAME,ADDRESS,MATERIAL,UN_NUMBER,QUANTITY_UNIT,STORAGE_LOCATION";
        var path = files.Write("h.csv", string.Join('\n',
            Header,
            $"HM-1,Pool Supply,302 Sumner St,Chlorine,UN1017,lb,{Huge}",
            $"HM-2,Pool Supply,302 Sumner St,{new string('m', 10_000)},UN1791,gal,Basement",
            $"HM-3,Pool Supply,302 Sumner St,{new string('m', 201)},,gal,Basement",
            $"HM-4,Pool Supply,302 Sumner St,Chlorine,UN1017,{LongCode},Basement") + "\n");

        var result = new HazmatPermitsReader(SourceTestKit.Cleaner, SourceTestKit.Bounds, SourceTestKit.Clock).ReadAll(("permits", path));

        Assert.Equal(["HM-1#1017", "HM-2#1791"], result.Staged.Select(s => s.RecordId));
        Assert.Equal(8_000, result.Attributes<HazmatPermitRecord>("HM-1#1017").StorageLocation!.Length);
        Assert.Equal(["STORAGE_LOCATION: 2,097,152 characters, cut to 8,000"], result.Record("HM-1#1017").Warnings);
        // With a UN number the material is prose; without one it is part of the id.
        Assert.Equal(["MATERIAL: 10,000 characters, cut to 8,000"], result.Record("HM-2#1791").Warnings);
        Assert.Equal("MATERIAL: 201 characters, more than the 200 an identifier can have", result.RejectedAt(4).Reason);
        Assert.Equal("QUANTITY_UNIT: 101 characters, more than the 100 a code can have", result.RejectedAt(5).Reason);
        Assert.Equal("HM-4#1017", result.RejectedAt(5).RecordId);
    }

    [Fact]
    public void Building_permits_cut_comments_and_reject_an_overlong_address_in_either_shape()
    {
        using var files = new TempFiles();
        var approved = files.Write("approved.csv", string.Join('\n',
            "permitnumber,worktype,description,comments,address,status",
            $"A1,INTREN,Interior renovation,{Huge},302 Sumner St,Open",
            $"A2,INTREN,Interior renovation,,{LongAddress},Open") + "\n");
        var appeals = files.Write("zba.csv", string.Join('\n',
            "boa_apno,address,status,project_description",
            $"BOA1,206 Byron ST East Boston 02128,Open,{Huge}",
            $"BOA2,{LongAddress},Open,Roof deck") + "\n");

        var result = new BuildingPermitsReader(SourceTestKit.Cleaner, SourceTestKit.Bounds, SourceTestKit.Clock)
            .ReadAll(("permits", approved), ("permits", appeals));

        Assert.Equal(["A1", "BOA1"], result.Staged.Select(s => s.RecordId));
        Assert.Equal(["comments: 2,097,152 characters, cut to 8,000"], result.Record("A1").Warnings);
        Assert.Equal(8_000, result.Attributes<PermitRecord>("BOA1").Description!.Length);
        Assert.Equal(["project_description: 2,097,152 characters, cut to 8,000"], result.Record("BOA1").Warnings);
        Assert.Equal(
            ["address: 501 characters, more than the 500 an address field can have"],
            result.Rejected.Select(r => r.Reason).Distinct());
        Assert.Equal(["A2", "BOA2"], result.Rejected.Select(r => r.RecordId));
    }

    [Fact]
    public void Fire_incidents_reject_an_overlong_address_even_with_coordinates_and_cut_the_description()
    {
        using var files = new TempFiles();
        var geocoded = files.Write("geo.csv", string.Join('\n',
            "full_address,alarm_date,latitude,longitude",
            $"{LongAddress},01/01/2012,42.3676,-71.0366",
            "\"302 Sumner ST Boston, MA 02128\",01/02/2012,42.3676,-71.0366") + "\n");
        var nfirs = files.Write("nfirs.csv", string.Join('\n',
            "incident_number,alarm_date,incident_type,incident_description,street_number,street_name,street_type",
            $"12-1,2012-01-01,111,{Huge},302,Sumner,ST",
            $"12-2,2012-01-01,{LongCode},Building fire,302,Sumner,ST") + "\n");

        var reader = new FireIncidentsReader(SourceTestKit.Cleaner, SourceTestKit.Bounds);
        var fromGeocoded = reader.ReadAll(("incidents", geocoded));
        var fromNfirs = reader.ReadAll(("incidents", nfirs));

        Assert.Single(fromGeocoded.Staged);
        Assert.Equal("full_address: 501 characters, more than the 500 an address field can have", fromGeocoded.RejectedAt(2).Reason);
        Assert.Equal(["12-1"], fromNfirs.Staged.Select(s => s.RecordId));
        Assert.Equal(["incident_description: 2,097,152 characters, cut to 8,000"], fromNfirs.Record("12-1").Warnings);
        Assert.Equal("incident_type: 101 characters, more than the 100 a code can have", fromNfirs.RejectedAt(3).Reason);
        Assert.Equal("12-2", fromNfirs.RejectedAt(3).RecordId);
    }

    [Fact]
    public void Hydrants_reject_an_overlong_id_or_status()
    {
        using var files = new TempFiles();
        var path = files.Write("hy.csv", string.Join('\n',
            "HYDRANT_ID,STATUS,LATITUDE,LONGITUDE",
            $"{LongId},IN SERVICE,42.36755,-71.03650",
            $"H-2,{LongCode},42.36755,-71.03650",
            "H-3,IN SERVICE,42.36755,-71.03650") + "\n");

        var result = new HydrantsReader(SourceTestKit.Cleaner, SourceTestKit.Bounds).ReadAll(("hydrants", path));

        Assert.Equal(["H-3"], result.Staged.Select(s => s.RecordId));
        Assert.Equal("HYDRANT_ID: 201 characters, more than the 200 an identifier can have", result.RejectedAt(2).Reason);
        Assert.Equal("STATUS: 101 characters, more than the 100 a code can have", result.RejectedAt(3).Reason);
        Assert.Equal("H-2", result.RejectedAt(3).RecordId);
    }

    [Fact]
    public void Inspections_cut_notes_and_locations_and_reject_an_overlong_plan_id_or_address()
    {
        using var files = new TempFiles();
        var path = files.Write("plans.json", $$"""
            {"items": [
              {"planId": "P1", "address": "302 Sumner St", "notes": "{{Huge}}", "knoxBoxLocation": "{{new string('k', 9_000)}}"},
              {"planId": "{{LongId}}", "address": "302 Sumner St"},
              {"planId": "P3", "address": "{{LongAddress}}", "parcelId": "0100021000"},
              {"planId": "P4", "address": "304 Sumner St"}
            ]}
            """);

        var result = new InspectionsReader(SourceTestKit.Cleaner, SourceTestKit.Bounds).ReadAll(("plans", path));

        Assert.Equal(["P1", "P4"], result.Staged.Select(s => s.RecordId));
        var plan = result.Attributes<InspectionRecord>("P1");
        Assert.Equal(8_000, plan.Notes!.Length);
        Assert.Equal(8_000, plan.KnoxBoxLocation!.Length);
        Assert.Equal(
            ["knoxBoxLocation: 9,000 characters, cut to 8,000", "notes: 2,097,152 characters, cut to 8,000"],
            result.Record("P1").Warnings!.Order(StringComparer.Ordinal));
        Assert.Equal("planId: 201 characters, more than the 200 an identifier can have", result.RejectedAt(2).Reason);
        Assert.Null(result.RejectedAt(2).RecordId);
        // Located by its parcel id, but an address that long is damage in the item.
        Assert.Equal("address: 501 characters, more than the 500 an address field can have", result.RejectedAt(3).Reason);
        Assert.Equal("P3", result.RejectedAt(3).RecordId);
    }

    [Fact]
    public void Assessing_cuts_owner_names_and_keeps_a_parcel_whose_row_has_an_overlong_address_as_it_was()
    {
        const string Square = """{"type":"Polygon","coordinates":[[[-71.0300,42.3700],[-71.0310,42.3700],[-71.0310,42.3710],[-71.0300,42.3710],[-71.0300,42.3700]]]}""";
        using var files = new TempFiles();
        var parcels = files.Write("p.geojson", $$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"PID_LONG":"0100000001"},"geometry":{{Square}}},
              {"type":"Feature","properties":{"PID_LONG":"0100000002"},"geometry":{{Square}}},
              {"type":"Feature","properties":{"PID_LONG":"0100000003"},"geometry":{{Square}}},
              {"type":"Feature","properties":{"PID_LONG":"{{LongId}}"},"geometry":{{Square}}}
            ]}
            """);
        var footprints = files.Write("f.geojson", $$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"BLDG_ID":"Bos_0100000003_B0","owners":"{{new string('o', 9_000)}}"},"geometry":{{Square}}},
              {"type":"Feature","properties":{"BLDG_ID":"Bos_0100000002_B0","address":"{{LongAddress}}"},"geometry":{{Square}}}
            ]}
            """);
        var assessment = files.Write("a.csv", string.Join('\n',
            "PID,ST_NUM,ST_NAME,OWNER,STRUCTURE_CLASS",
            $"100000001,302,SUMNER ST,{Huge},R",
            $"100000002,304,{LongAddress},HARBOR TRUST,R") + "\n");

        var result = new AssessingReader(SourceTestKit.Bounds, SourceTestKit.Clock)
            .ReadAll(("parcels", parcels), ("footprints", footprints), ("assessment", assessment));

        Assert.Equal(["0100000001", "0100000003"], result.Staged.Select(s => s.RecordId).Order(StringComparer.Ordinal));
        Assert.Equal(8_000, result.Attributes<ParcelRecord>("0100000001").Owner!.Length);
        Assert.Equal(["OWNER: 2,097,152 characters, cut to 8,000"], result.Record("0100000001").Warnings);
        Assert.Equal(["owners: 9,000 characters, cut to 8,000"], result.Record("0100000003").Warnings);

        var reasons = result.Rejected.ToDictionary(r => r.Reason, r => r.RecordId);
        Assert.Contains("parcels: PID_LONG: 201 characters, more than the 200 an identifier can have", reasons.Keys);
        Assert.Contains("footprints: address: 501 characters, more than the 500 an address field can have", reasons.Keys);
        // The parcel is not staged from its shape alone: the rejected row names it, so it keeps its last good version.
        Assert.Equal("0100000002", reasons["assessment: ST_NAME: 501 characters, more than the 500 an address field can have"]);
    }
}
