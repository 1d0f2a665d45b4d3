using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.BuildingPermits;
using BIS.Ingest.Sources.Common;
using BIS.Ingest.Sources.FireIncidents;
using BIS.Ingest.Sources.Violations;
using AssessmentColumns = BIS.Ingest.Sources.Assessing.AssessmentColumns;

namespace BIS.Ingest.Tests.Sources.Common;

/// <summary>The shared reading layer: free text cut with a warning, identifiers, addresses and codes bounded.</summary>
public class FieldBoundsTests
{
    [Fact]
    public void Free_text_within_the_bound_is_kept_whole_without_a_warning()
    {
        var fields = new BoundedFields(new FieldBounds(100));

        Assert.Equal(new string('a', 100), fields.Read("description", $"  {new string('a', 100)} ", FieldKind.Text));
        Assert.Null(fields.Read("description", "   ", FieldKind.Text));
        Assert.Null(fields.Warnings.Items);
        Assert.Null(fields.Overlong);
    }

    [Fact]
    public void Free_text_past_the_bound_is_cut_there_with_one_warning_naming_field_length_and_bound()
    {
        var fields = new BoundedFields(FieldBounds.Default);
        var text = new string('x', 2 * 1024 * 1024);

        var first = fields.Read("description", text, FieldKind.Text);
        var again = fields.Read("description", text, FieldKind.Text);

        Assert.Equal(8_000, first!.Length);
        Assert.Equal(first, again);
        Assert.Equal(["description: 2,097,152 characters, cut to 8,000"], fields.Warnings.Items);
        Assert.Null(fields.Overlong);
    }

    [Theory]
    [InlineData(FieldKind.Identifier, 200, "case_no: 201 characters, more than the 200 an identifier can have")]
    [InlineData(FieldKind.Address, 500, "case_no: 501 characters, more than the 500 an address field can have")]
    [InlineData(FieldKind.Code, 100, "case_no: 101 characters, more than the 100 a code can have")]
    public void An_identifier_address_or_code_past_its_bound_reads_as_null_with_the_reason(FieldKind kind, int bound, string reason)
    {
        var fields = new BoundedFields(FieldBounds.Default);

        Assert.Equal(new string('1', bound), fields.Read("case_no", new string('1', bound), kind));
        Assert.Null(fields.Overlong);
        Assert.Null(fields.Read("case_no", new string('1', bound + 1), kind));
        Assert.Equal(reason, fields.Overlong);
        Assert.Null(fields.Warnings.Items);
    }

    [Fact]
    public void The_first_overlong_field_is_the_reason_and_parsed_values_have_no_bound()
    {
        var fields = new BoundedFields(FieldBounds.Default);

        fields.Read("violation_street", new string('s', 600), FieldKind.Address);
        fields.Read("status", new string('c', 600), FieldKind.Code);
        var date = fields.Read("status_dttm", new string('9', 20_000), FieldKind.Parsed);

        Assert.StartsWith("violation_street: 600 characters", fields.Overlong, StringComparison.Ordinal);
        Assert.Equal(20_000, date!.Length);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var fields = new BoundedFields(new FieldBounds(100));
        var text = new string('a', 99) + "🔥🔥";

        var cut = fields.Read("notes", text, FieldKind.Text)!;

        Assert.Equal(99, cut.Length);
        Assert.Equal("ab", FieldBounds.Prefix("ab🔥", 3));
        Assert.Equal("ab🔥", FieldBounds.Prefix("ab🔥", 4));
    }

    [Fact]
    public void A_rejected_row_keeps_a_bounded_raw_text_and_reason_saying_they_were_cut()
    {
        var row = new RejectedRow { LineNumber = 2, Reason = "alarm_date '" + new string('9', 5_000) + "' is not a date", RawText = new string('r', 3_000_000) };

        Assert.StartsWith(new string('r', RejectedRow.MaxRawTextLength), row.RawText, StringComparison.Ordinal);
        Assert.EndsWith("…(cut: 3,000,000 characters in all)", row.RawText, StringComparison.Ordinal);
        Assert.True(row.RawText.Length < RejectedRow.MaxRawTextLength + 50);
        Assert.EndsWith("…(cut: 5,027 characters in all)", row.Reason, StringComparison.Ordinal);
        Assert.True(row.Reason.Length < RejectedRow.MaxReasonLength + 50);

        var ordinary = new RejectedRow { LineNumber = 3, Reason = "missing case_no", RawText = ",Open,105.1" };
        Assert.Equal(",Open,105.1", ordinary.RawText);
        Assert.Equal("missing case_no", ordinary.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_text_bound_below_one_character_is_refused(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldBounds(length));

    private static readonly Dictionary<string, CsvColumn[]> Shapes = new()
    {
        ["violations"] = ViolationColumns.All,
        ["appeals"] = ZbaColumns.All,
        ["geocoded fires"] = GeocodedIncidentColumns.All,
        ["assessment"] = AssessmentColumns.All,
    };

    public static TheoryData<string, string> RealSamples => new()
    {
        { "building_property_violations.csv", "violations" },
        { "building_property_violations_2023pull_sample.csv", "violations" },
        { "zoning_board_of_appeal_tracker.csv", "appeals" },
        { "fire_incidents_2012_geocoded_derived.csv", "geocoded fires" },
        { "property_assessment_sf_values_derived.csv", "assessment" },
    };

    /// <summary>The bounds are for damage: no real value comes within a factor of two of its bound (of four for free text).</summary>
    [Theory]
    [MemberData(nameof(RealSamples))]
    public void Real_values_stay_far_inside_their_bounds(string sample, string shape)
    {
        var columns = Shapes[shape];
        using var csv = CsvFeed.Open(new FeedFile("sample", SourceTestKit.Real(sample), sample), FieldBounds.Default);
        csv.Bind(columns);
        var longest = new Dictionary<CsvColumn, int>();
        foreach (var row in csv.Rows(CancellationToken.None))
        {
            foreach (var column in columns)
            {
                longest[column] = Math.Max(longest.GetValueOrDefault(column), row[column]?.Length ?? 0);
            }

            Assert.Null(row.Overlong);
            Assert.Null(row.Warnings.Items);
        }

        foreach (var (column, length) in longest)
        {
            var bound = column.Kind switch
            {
                FieldKind.Text => FieldBounds.DefaultMaxTextLength / 4,
                FieldKind.Parsed => int.MaxValue,
                var kind => FieldBounds.MaxLength(kind) / 2,
            };
            Assert.True(length <= bound, $"{sample}: {column.Name} has a value of {length} characters");
        }
    }
}
