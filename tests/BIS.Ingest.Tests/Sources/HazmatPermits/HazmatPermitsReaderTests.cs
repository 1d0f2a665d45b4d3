using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Sources.HazmatPermits;

namespace BIS.Ingest.Tests.Sources.HazmatPermits;

public class HazmatPermitsReaderTests
{
    private readonly HazmatPermitsReader _reader = new(SourceTestKit.Cleaner, SourceTestKit.Bounds, SourceTestKit.Clock);

    private ReadResult Fixture() => _reader.ReadAll(("permits", SourceTestKit.Fixture("HazmatPermits", "hazmat_permits.csv")));

    [Fact]
    public void Loads_the_fixture_with_counts()
    {
        var result = Fixture();

        Assert.Equal(7, result.Staged.Count);
        Assert.Equal([8L, 9L, 11L], result.Rejected.Select(r => r.LineNumber));
        Assert.Equal("missing PERMIT_NUMBER", result.RejectedAt(8).Reason);
        Assert.Contains(CoordinateCleaner.Placeholder, result.RejectedAt(9).Reason);
        Assert.StartsWith("cannot be located", result.RejectedAt(9).Reason);
        Assert.Equal("duplicate of line 4", result.RejectedAt(11).Reason);
    }

    [Fact]
    public void One_permit_with_two_materials_gives_two_records()
    {
        var result = Fixture();

        var chlorine = result.Record("HM-2024-0117#1017");
        var permit = (HazmatPermitRecord)chlorine.Attributes;
        Assert.Equal("Chlorine", permit.Material);
        Assert.Equal("1017", permit.UnNumber);
        Assert.Equal(150m, permit.Quantity);
        Assert.Equal("lb", permit.QuantityUnit);
        Assert.Equal(4, permit.NfpaHealth);
        Assert.Equal(0, permit.NfpaFlammability);
        Assert.Equal(0, permit.NfpaInstability);
        Assert.Equal("OX", permit.NfpaSpecial);
        Assert.Equal("Basement pump room", permit.StorageLocation);
        Assert.True(permit.IsActive);
        Assert.Equal(new DateOnly(2025, 2, 28), permit.ExpiresOn);
        Assert.Equal("0100021000", chlorine.ParcelId);
        Assert.Equal("132380", chlorine.AddressId);
        Assert.Equal("302 SUMNER ST", chlorine.Address!.Key);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(-5)), chlorine.AsOf);
        Assert.Equal("1791", result.Attributes<HazmatPermitRecord>("HM-2024-0117#1791").UnNumber);
    }

    [Fact]
    public void Impossible_values_become_null_and_the_permit_is_kept()
    {
        var result = Fixture();

        var acetylene = result.Attributes<HazmatPermitRecord>("HM-2023-0988#1001");
        Assert.Null(acetylene.NfpaHealth); // rated 7
        Assert.Equal(4, acetylene.NfpaFlammability);
        Assert.False(acetylene.IsActive); // expired 2024-05-31

        var perc = result.Attributes<HazmatPermitRecord>("HM-2024-0600#TETRACHLOROETHYLENE");
        Assert.Null(perc.UnNumber);
        Assert.Null(perc.Quantity);
        Assert.Null(perc.NfpaSpecial);
        Assert.Null(perc.ExpiresOn);
        Assert.True(perc.IsActive);
    }

    [Fact]
    public void Each_impossible_value_is_a_warning_on_its_record_that_names_the_field_and_what_it_said()
    {
        var result = Fixture();

        Assert.Equal(["NFPA_HEALTH \"7\" is outside 0–4; kept as unknown"], result.Record("HM-2023-0988#1001").Warnings);
        Assert.Equal(
            [
                "UN_NUMBER \"UNKNOWN\" is not a UN/NA number; kept as unknown",
                "QUANTITY \"-5\" is below 0; kept as unknown",
                "EXPIRATION_DATE \"not a date\" is not a date; kept as unknown",
                "NFPA_SPECIAL \"XX\" is not an NFPA 704 special hazard (W, OX, SA); kept as unknown",
            ],
            result.Record("HM-2024-0600#TETRACHLOROETHYLENE").Warnings);
        // A blank cell says "not known"; that is no warning.
        Assert.Null(result.Record("HM-2024-0117#1791").Warnings);
    }

    [Fact]
    public void Reads_us_dates_spaced_un_numbers_status_and_short_zips()
    {
        var result = Fixture();

        var gasoline = result.Attributes<HazmatPermitRecord>("HM-2024-0203#1203");
        Assert.Equal(new DateOnly(2025, 1, 14), gasoline.ExpiresOn);
        Assert.True(gasoline.IsActive);
        var ammonia = result.Record("HM-2024-0311#1005");
        Assert.False(((HazmatPermitRecord)ammonia.Attributes).IsActive); // revoked
        Assert.Equal("02128", ammonia.Address!.Zip);
        Assert.Null(ammonia.Location);
        Assert.Equal("W", result.Attributes<HazmatPermitRecord>("HM-2024-0400#3480").NfpaSpecial);
    }

    [Theory]
    [InlineData("UN1017", "1017")]
    [InlineData("1017", "1017")]
    [InlineData("NA1993", "1993")]
    [InlineData("un 1203", "1203")]
    [InlineData("1017.0", "1017")]
    [InlineData("12345", null)]
    [InlineData("UNKNOWN", null)]
    [InlineData("", null)]
    public void Un_numbers_are_four_digits(string text, string? expected)
    {
        Assert.Equal(expected, HazmatPermitsReader.UnNumber(text));
    }
}
