using BIS.TestSupport;

namespace BIS.Ingest.Tests;

/// <summary>
/// The entry script exports BIS settings (<c>Feeds__ManifestPath</c> pointing at the generated sample city) and CI
/// runs the tests after <c>infra/bis load</c>: the test hosts must not see them.
/// </summary>
public sealed class HermeticEnvironmentTests
{
    [Theory]
    [InlineData("Feeds__ManifestPath", true)]
    [InlineData("Database__ConnectionString", true)]
    [InlineData("Security__SampleAccountsFile", true)]
    [InlineData("ASPNETCORE_ENVIRONMENT", true)]
    [InlineData("ASPNETCORE_URLS", true)]
    [InlineData("DOTNET_ENVIRONMENT", true)]
    [InlineData("BIS_TEST_ADMIN_CONNECTION", false)]
    [InlineData("BIS_CHROMIUM", false)]
    [InlineData("DOTNET_ROOT", false)]
    [InlineData("PATH", false)]
    public void Configuration_shaped_variables_are_the_ones_removed(string name, bool removed) =>
        Assert.Equal(removed, HermeticEnvironment.IsConfiguration(name));

    [Fact]
    public void No_configuration_variable_reaches_a_test()
    {
        var left = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(HermeticEnvironment.IsConfiguration).ToList();
        Assert.Empty(left);
    }
}
