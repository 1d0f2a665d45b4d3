namespace BIS.Web.Tests.Security;

/// <summary>A Security:Oidc section that cannot work stops BIS at start, naming the setting.</summary>
public sealed class OidcConfigurationTests
{
    private sealed class MisconfiguredServer : BisWebFactory
    {
        protected override Dictionary<string, string?> FeedSettings()
        {
            var settings = base.FeedSettings();
            settings["Security:Oidc:Authority"] = "login.example.org/realms/fire";
            settings["Security:Oidc:ClientId"] = "bis";
            settings["Security:Oidc:RoleMap:fd-chief"] = "chief";
            return settings;
        }
    }

    [Fact]
    public async Task A_relative_authority_and_an_unknown_target_role_fail_at_start_with_clear_messages()
    {
        await using var server = new MisconfiguredServer();

        var error = await Assert.ThrowsAnyAsync<Exception>(server.InitializeAsync);

        var messages = StartFailure.MessagesOf(error);
        Assert.Contains("Security:Oidc:Authority must be an absolute http(s) URI", messages, StringComparison.Ordinal);
        Assert.Contains("Security:Oidc:RoleMap:fd-chief maps to 'chief', which is not a BIS role", messages, StringComparison.Ordinal);
    }
}
