using System.Text;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Assessing;
using BIS.Ingest.Sources.Violations;

namespace BIS.Ingest.Tests.Sources.Common;

/// <summary>The hostile-file cases every CSV feed shares, exercised through real readers.</summary>
public class CsvFeedTests
{
    private const string ViolationsHeader = "case_no,status,code,description,violation_stno,violation_street,violation_suffix";

    private readonly ViolationsReader _violations = new(SourceTestKit.Cleaner, SourceTestKit.Bounds);
    private readonly AssessingReader _assessing = new(SourceTestKit.Bounds, SourceTestKit.Clock);

    [Fact]
    public void Empty_file_is_refused()
    {
        using var files = new TempFiles();
        var path = files.Write("empty.csv", string.Empty);

        var error = Assert.Throws<FeedRefusedException>(() => _violations.ReadAll(("violations", path)));

        Assert.Contains("empty.csv", error.Message);
        Assert.Contains("is empty", error.Message);
    }

    [Fact]
    public void Header_only_file_is_refused()
    {
        using var files = new TempFiles();
        var path = files.Write("header.csv", ViolationsHeader + "\n");

        var error = Assert.Throws<FeedRefusedException>(() => _violations.ReadAll(("violations", path)));

        Assert.Contains("is empty", error.Message);
    }

    [Fact]
    public void Missing_input_file_is_refused()
    {
        var error = Assert.Throws<FeedRefusedException>(() => _violations.ReadAll(("violations", "/nonexistent/v.csv")));

        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Missing_required_columns_are_all_named()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", "case_no,description\nV1,x\n");

        var error = Assert.Throws<FeedRefusedException>(() => _violations.ReadAll(("violations", path)));

        Assert.Contains("missing required columns: status, code, violation_street", error.Message);
    }

    [Fact]
    public void Headers_match_case_insensitively_and_ignoring_spaces()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", " CASE_NO , Status,CODE ,Description,Violation_Street\nV1,Open,105.1,Permit,Sumner\n");

        Assert.Single(_violations.ReadAll(("violations", path)).Staged);
    }

    [Fact]
    public void Utf8_bom_does_not_hide_the_first_column()
    {
        using var files = new TempFiles();
        var path = files.Write("bom.csv", ViolationsHeader + "\nV1,Open,105.1,Café sign,302,Sumner,ST\n", new UTF8Encoding(true));

        var result = _violations.ReadAll(("violations", path));

        Assert.Equal("Café sign", result.Attributes<ViolationRecord>("V1#105.1").Description);
    }

    [Fact]
    public void Windows_1252_file_is_decoded()
    {
        using var files = new TempFiles();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("PID,ST_NUM,ST_NAME,OWNER\n100021000,302,SUMNER ST,CAFÉ ZÜRICH LLC\n");
        var parcels = files.Write("parcels.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PID_LONG":"0100021000"},"geometry":{"type":"Polygon","coordinates":[[[-71.03,42.37],[-71.031,42.37],[-71.031,42.371],[-71.03,42.37]]]}}]}""");
        var assessment = files.WriteBytes("assessment.csv", bytes);

        var result = _assessing.ReadAll(("parcels", parcels), ("assessment", assessment));

        Assert.Equal("CAFÉ ZÜRICH LLC", result.Attributes<ParcelRecord>("0100021000").Owner);
    }

    [Fact]
    public void A_damaged_utf8_row_loads_with_u_fffd_and_a_warning_naming_its_line_and_the_others_load_exactly()
    {
        using var files = new TempFiles();
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes(ViolationsHeader + "\n"
                + "V1,Open,105.1,中文 ✓,302,Sumner,ST\n"
                + "V2,Open,105.1,\"two\nline Café\",304,Nuñez,ST\n"
                + "V3,Open,105.1,\"first line\nsecond Caf"),
            0xE9, // A Windows-1252 "é" in a UTF-8 file, on physical line 6 of the row that starts on line 5.
            .. Encoding.UTF8.GetBytes("\",306,Sumner,ST\n"
                + "V4,Open,105.1,Façade — unsafe,308,Sumner,ST\n"),
        ];
        var path = files.WriteBytes("v.csv", bytes);

        var result = _violations.ReadAll(("violations", path));

        Assert.Equal("中文 ✓", result.Attributes<ViolationRecord>("V1#105.1").Description);
        Assert.Equal("two line Café", result.Attributes<ViolationRecord>("V2#105.1").Description);
        Assert.Equal("304 Nuñez ST", result.Record("V2#105.1").AddressText);
        Assert.Equal("Façade — unsafe", result.Attributes<ViolationRecord>("V4#105.1").Description);
        Assert.Equal("first line second Caf\uFFFD", result.Attributes<ViolationRecord>("V3#105.1").Description);
        Assert.Equal(5, result.Record("V3#105.1").LineNumber);
        Assert.Equal(["line 6: bytes that are not valid UTF-8 were replaced by U+FFFD in description"], result.Record("V3#105.1").Warnings);
        Assert.All(result.Staged.Where(s => s.RecordId != "V3#105.1"), s => Assert.Null(s.Warnings));
    }

    [Fact]
    public void A_row_whose_id_has_damaged_bytes_is_rejected_as_naming_no_record()
    {
        using var files = new TempFiles();
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes(ViolationsHeader + "\nV1,Open,105.1,中文 ✓,302,Sumner,ST\nV"), 0xE9,
            .. Encoding.UTF8.GetBytes("2,Open,105.1,Nuñez,304,Sumner,ST\nV3,Open,105.1,ok,306,Sumner,ST\n"),
        ];
        var path = files.WriteBytes("v.csv", bytes);

        var result = _violations.ReadAll(("violations", path));

        Assert.Equal(["V1#105.1", "V3#105.1"], result.Staged.Select(s => s.RecordId));
        Assert.Equal("record id \"V\uFFFD2#105.1\" has bytes that are not valid UTF-8 (replaced by U+FFFD), so it names no known record", result.RejectedAt(3).Reason);
        Assert.Null(result.RejectedAt(3).RecordId);
    }

    [Fact]
    public void Quoted_newlines_keep_physical_line_numbers()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", ViolationsHeader + "\n"
            + "V1,Open,105.1,\"two\nline description\",302,Sumner,ST\n"
            + "V2,Open,105.1,\"three\r\nline\ndescription\",304,Sumner,ST\n"
            + ",Open,105.1,no case number,306,Sumner,ST\n"
            + "V4,Open,105.1,ok,308,Sumner,ST\n");

        var result = _violations.ReadAll(("violations", path));

        Assert.Equal(2, result.Record("V1#105.1").LineNumber);
        Assert.Equal(4, result.Record("V2#105.1").LineNumber);
        Assert.Equal("three line description", result.Attributes<ViolationRecord>("V2#105.1").Description);
        Assert.Equal(7, result.RejectedAt(7).LineNumber);
        Assert.Equal("missing case_no", result.RejectedAt(7).Reason);
        Assert.Equal(8, result.Record("V4#105.1").LineNumber);
    }

    [Fact]
    public void Garbage_rows_are_rejected_with_their_lines_and_the_rest_loads()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", ViolationsHeader + "\r\n"
            + "V1,Open,105.1,ok,302,Sumner,ST\r\n"
            + "%%%% garbage %%%%\r\n"
            + "\r\n"
            + "V2,Open,105.1,ok,304,Sumner,ST,extra,fields\r\n"
            + "V3,Open,105.1,ok,306,Sumner,ST\r\n"
            + "V4,Open\r\n");

        var result = _violations.ReadAll(("violations", path));

        Assert.Equal(["V1#105.1", "V3#105.1"], result.Staged.Select(s => s.RecordId));
        Assert.Equal(6, result.Record("V3#105.1").LineNumber);
        Assert.Equal("row has 1 field, the header has 7", result.RejectedAt(3).Reason);
        Assert.Equal("%%%% garbage %%%%", result.RejectedAt(3).RawText);
        Assert.Equal("row has 9 fields, the header has 7", result.RejectedAt(5).Reason);
        Assert.Equal("row has 2 fields, the header has 7", result.RejectedAt(7).Reason);
    }

    [Fact]
    public void A_row_with_a_nul_character_is_rejected_and_the_rest_loads()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", ViolationsHeader + "\n"
            + "V1,Open,105.1,Unsafe\0and dangerous,302,Sumner,ST\n"
            + "V2,Open,105.1,ok,304,Sumner,ST\n");

        var result = _violations.ReadAll(("violations", path));

        Assert.Equal(["V2#105.1"], result.Staged.Select(s => s.RecordId));
        Assert.Equal("row contains a NUL character (U+0000): the file is damaged here", result.RejectedAt(2).Reason);
    }

    [Fact]
    public void An_unbalanced_quote_refuses_the_file_naming_the_line()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", ViolationsHeader + "\n"
            + "V1,Open,105.1,ok,302,Sumner,ST\n"
            + "V2,Open,105.1,\"bad\"quote,304,Sumner,ST\n");

        var error = Assert.Throws<FeedRefusedException>(() => _violations.ReadAll(("violations", path)));

        Assert.Contains("malformed CSV", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_row_of_many_megabytes_refuses_the_file_in_words_a_steward_can_act_on()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", ViolationsHeader + "\n"
            + "V1,Open,105.1,ok,302,Sumner,ST\n"
            + "V2,Open,105.1,\"" + new string('A', 17_000_000) + "\",304,Sumner,ST\n");

        var error = Assert.Throws<FeedRefusedException>(() => _violations.ReadAll(("violations", path)));

        Assert.Contains("has a row longer than 16 million characters", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Last_row_without_a_line_ending_is_read()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", ViolationsHeader + "\nV1,Open,105.1,ok,302,Sumner,ST");

        Assert.Single(_violations.ReadAll(("violations", path)).Staged);
    }

    [Fact]
    public void An_unterminated_quote_refuses_the_file_naming_the_line()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", ViolationsHeader + "\n"
            + "V1,Open,105.1,ok,302,Sumner,ST\n"
            + "V2,Open,105.1,\"never closed,304,Sumner,ST\n"
            + "V3,Open,105.1,ok,306,Sumner,ST\n");

        var error = Assert.Throws<FeedRefusedException>(() => _violations.ReadAll(("violations", path)));

        Assert.Contains("line 3", error.Message);
        Assert.Contains("without a closing quote", error.Message);
    }
}
