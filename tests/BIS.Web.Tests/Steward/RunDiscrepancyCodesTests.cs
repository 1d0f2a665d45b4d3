using BIS.Web.Steward;

namespace BIS.Web.Tests.Steward;

/// <summary>The problem codes of the discrepancy report, from the reasons the pipeline writes (their exact words, as the ingest code writes them).</summary>
public sealed class RunDiscrepancyCodesTests
{
    [Theory]
    [InlineData("missing case_no", DiscrepancyCodes.OmittedField)]
    [InlineData("cannot be located: no address, no usable coordinates (no coordinates), no parcel or address id", DiscrepancyCodes.OmittedField)]
    [InlineData("cannot be located: no address, no usable coordinates (outside service area), no parcel or address id", DiscrepancyCodes.OutsideArea)]
    [InlineData("no usable coordinates (outside service area)", DiscrepancyCodes.OutsideArea)]
    [InlineData("duplicate of line 12", DiscrepancyCodes.Duplicate)]
    [InlineData("superseded by line 40 (same id V1, different content)", DiscrepancyCodes.Duplicate)]
    [InlineData("Record id V1 is superseded by line 40.", DiscrepancyCodes.Duplicate)]
    [InlineData("alarm_date '2024-13-45' is not a date", DiscrepancyCodes.InvalidValue)]
    public void A_rejected_row_is_coded_by_its_reason(string reason, string code) => Assert.Equal(code, DiscrepancyCodes.OfRejection(reason));

    [Theory]
    [InlineData("range \"225-227 SARATOGA ST\" covers 2 buildings: 225 SARATOGA ST (#4), 227 SARATOGA ST (#5); no usable coordinates", DiscrepancyCodes.AddressRange)]
    [InlineData("address \"319 SUMNER ST\" matches 2 buildings: 319 SUMNER ST (#1), 319 SUMNER ST (#2); no usable coordinates", DiscrepancyCodes.AddressRange)]
    [InlineData("address \"22 SARATOGA ST 02128\" not found; no usable coordinates", DiscrepancyCodes.AddressNotFound)]
    [InlineData("parcel 0100000000 not in assessing; no address; no usable coordinates", DiscrepancyCodes.AddressNotFound)]
    [InlineData("address id 12345 not known; no address; no building within 30 m of its point", DiscrepancyCodes.AddressNotFound)]
    [InlineData("address \"REAR LOT\" could not be parsed; no usable coordinates", DiscrepancyCodes.InvalidValue)]
    [InlineData("no address; no building within 30 m of its point", DiscrepancyCodes.OutsideArea)]
    [InlineData("no address; no usable coordinates", DiscrepancyCodes.OmittedField)]
    [InlineData("left unmatched by steward: a yard, not a building", DiscrepancyCodes.AddressNotFound)]
    public void An_unmatched_record_is_coded_by_the_address_part_of_its_reason(string reason, string code) => Assert.Equal(code, DiscrepancyCodes.OfUnmatched(reason));
}
