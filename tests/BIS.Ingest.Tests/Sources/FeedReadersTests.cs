using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources;
using BIS.Ingest.Sources.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Tests.Sources;

public class FeedReadersTests
{
    [Fact]
    public void Registers_one_reader_per_feed()
    {
        using var provider = Services().BuildServiceProvider();

        var readers = provider.GetServices<IFeedReader>().ToList();

        Assert.Equal(Enum.GetValues<FeedKind>().Order(), readers.Select(r => r.Feed).Order());
    }

    [Fact]
    public void Registering_twice_does_not_duplicate_readers()
    {
        var services = Services();
        services.AddFeedReaders();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(7, provider.GetServices<IFeedReader>().Count());
    }

    [Fact]
    public void Service_area_comes_from_configuration()
    {
        using var provider = Services(new() { ["ServiceArea:MinLongitude"] = "-71.5" }).BuildServiceProvider();

        Assert.Equal(-71.5, provider.GetRequiredService<CoordinateCleaner>().ServiceArea.MinLongitude);
    }

    [Fact]
    public void Invalid_service_area_fails_validation()
    {
        using var provider = Services(new() { ["ServiceArea:MinLatitude"] = "43" }).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceAreaOptions>>().Value);
    }

    [Fact]
    public void Free_text_bound_comes_from_the_ingest_section_and_defaults_to_8000()
    {
        using var configured = Services(new() { ["Ingest:MaxTextLength"] = "100" }).BuildServiceProvider();
        using var defaulted = Services().BuildServiceProvider();

        Assert.Equal(100, configured.GetRequiredService<FieldBounds>().MaxTextLength);
        Assert.Equal(8_000, defaulted.GetRequiredService<FieldBounds>().MaxTextLength);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("0")]
    [InlineData("2000000")]
    public void Free_text_bound_out_of_range_fails_validation(string length)
    {
        using var provider = Services(new() { ["Ingest:MaxTextLength"] = length }).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<FieldBounds>());
    }

    private static ServiceCollection Services(Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddFeedReaders();
        return services;
    }
}
