using BIS.TestSupport;
using BIS.Web.Security;
using BIS.Web.Security.SignIn;
using Microsoft.AspNetCore.Identity;

namespace BIS.Web.Tests.Security;

/// <summary>
/// Local passwords: at least 12 characters, not the user name, not on the vendored list of common
/// passwords; no composition rules. Enforced wherever a password is set, on the real database.
/// </summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("short-pw", "at least 12 characters")]
    [InlineData("elevenchars", "at least 12 characters")]
    [InlineData("password1234", "commonly used")]
    [InlineData("Password1234", "commonly used")]
    [InlineData("QWERTYUIOP123", "commonly used")]
    [InlineData("1qaz2wsx3edc", "commonly used")]
    [InlineData("Night-Dispatcher", "user name")]
    public void A_short_common_or_own_name_password_is_refused(string password, string reason)
    {
        Assert.Contains(reason, PasswordPolicy.ProblemWith(password, "night-dispatcher"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("twelve chars")]
    [InlineData("correct horse battery staple")]
    [InlineData("alllowercaseletters")]
    [InlineData("ünïcödé-pässwörd")]
    public void A_long_uncommon_password_passes_with_no_composition_rule(string password)
    {
        Assert.Null(PasswordPolicy.ProblemWith(password, "night-dispatcher"));
    }

    [Fact]
    public void Characters_are_counted_as_people_count_them()
    {
        // Eleven emoji are 22 UTF-16 units but eleven characters: too short.
        Assert.NotNull(PasswordPolicy.ProblemWith(string.Concat(Enumerable.Repeat("🔥", 11)), "x"));
        Assert.Null(PasswordPolicy.ProblemWith(string.Concat(Enumerable.Repeat("🔥", 12)), "x"));
    }

    [Fact]
    public void The_vendored_list_is_the_long_passwords_of_the_top_million()
    {
        // 44,150 lines, 43,940 once case is ignored ("Password1234" and "password1234" are one entry).
        Assert.Equal(43_940, PasswordPolicy.CommonCount);
    }

    [Fact]
    public async Task Creating_an_account_or_setting_a_password_refuses_a_bad_one_and_writes_nothing()
    {
        var accounts = new LocalAccounts(_database.DataSource, new PasswordHasher<AppUser>());

        await Assert.ThrowsAsync<PasswordPolicyException>(() =>
            accounts.CreateAsync("night-dispatcher", "Night Dispatcher", BisRoles.Dispatcher, null, "letmein", CancellationToken.None));
        await Assert.ThrowsAsync<PasswordPolicyException>(() =>
            accounts.AddIfMissingAsync("night-dispatcher", "Night Dispatcher", BisRoles.Dispatcher, null, "qwerty123456", CancellationToken.None));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM app_user"));

        await accounts.CreateAsync("night-dispatcher", "Night Dispatcher", BisRoles.Dispatcher, null, "harbour lights at four", CancellationToken.None);
        var hash = await _database.ScalarAsync<string>("SELECT password_hash FROM app_user WHERE username = 'night-dispatcher'");
        await Assert.ThrowsAsync<PasswordPolicyException>(() => accounts.SetPasswordAsync("night-dispatcher", "iloveyou1234", CancellationToken.None));
        Assert.Equal(hash, await _database.ScalarAsync<string>("SELECT password_hash FROM app_user WHERE username = 'night-dispatcher'"));
        Assert.NotNull(await accounts.VerifyAsync("night-dispatcher", "harbour lights at four", CancellationToken.None));
    }
}
