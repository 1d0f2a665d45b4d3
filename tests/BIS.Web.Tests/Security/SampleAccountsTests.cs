using System.Net;
using BIS.TestSupport;
using BIS.Web.Security.SignIn;

namespace BIS.Web.Tests.Security;

/// <summary>
/// The sample city's accounts are created once: what an administrator changed (a disabled account, a
/// role, a disabled CAD key) survives a restart of BIS on the same database. Their random passwords
/// pass the password policy.
/// </summary>
public sealed class SampleAccountsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("bis-sample-accounts-").FullName, "sample-accounts.txt");

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _city.Dispose();
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }

    [Fact]
    public async Task A_disabled_or_changed_sample_account_stays_so_after_a_restart()
    {
        await using (var first = Node())
        {
            using var client = first.CreateClient(new() { AllowAutoRedirect = false });
            await SignIn.AsAsync(client, "steward", Secret("steward"));
        }

        var secrets = File.ReadAllText(_file);
        Assert.All(new[] { "dispatcher", "firefighter", "steward", "admin" }, user => Assert.Null(PasswordPolicy.ProblemWith(Secret(user), user)));
        await _database.ScalarAsync<long>(
            """
            WITH a AS (UPDATE app_user SET disabled = true WHERE username = 'steward' RETURNING 1),
                 b AS (UPDATE app_user SET role = 'dispatcher' WHERE username = 'admin' RETURNING 1),
                 c AS (UPDATE api_client SET disabled = true WHERE name = 'sample-cad' RETURNING 1)
            SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM b) + (SELECT count(*) FROM c)
            """);

        await using (var restarted = Node())
        {
            using var client = restarted.CreateClient(new() { AllowAutoRedirect = false });
            var refused = await SignIn.PostAsync(client, "steward", Secret("steward"));
            Assert.Contains("error=1", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            await SignIn.AsAsync(client, "dispatcher", Secret("dispatcher"));

            using var cad = restarted.CreateClient(new() { AllowAutoRedirect = false });
            cad.DefaultRequestHeaders.Add("X-Api-Key", Secret("cad-api-key"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await cad.GetAsync("/api/buildings/search?q=302")).StatusCode);
        }

        Assert.Equal(secrets, File.ReadAllText(_file));
        Assert.True(await _database.ScalarAsync<bool>("SELECT disabled FROM app_user WHERE username = 'steward'"));
        Assert.Equal("dispatcher", await _database.ScalarAsync<string>("SELECT role FROM app_user WHERE username = 'admin'"));
        Assert.True(await _database.ScalarAsync<bool>("SELECT disabled FROM api_client WHERE name = 'sample-cad'"));
    }

    [Fact]
    public async Task When_the_file_is_lost_the_accounts_get_its_new_passwords_but_keep_their_state()
    {
        await using (var first = Node())
        {
            first.CreateClient().Dispose();
        }

        await _database.ScalarAsync<long>("WITH a AS (UPDATE app_user SET disabled = true WHERE username = 'steward' RETURNING 1) SELECT count(*) FROM a");
        var old = Secret("dispatcher");
        File.Delete(_file);

        await using (var restarted = Node())
        {
            using var client = restarted.CreateClient(new() { AllowAutoRedirect = false });
            Assert.NotEqual(old, Secret("dispatcher"));
            await SignIn.AsAsync(client, "dispatcher", Secret("dispatcher"));
        }

        Assert.True(await _database.ScalarAsync<bool>("SELECT disabled FROM app_user WHERE username = 'steward'"));
    }

    private BisNode Node() => new(_database.ConnectionString, _city, new Dictionary<string, string?> { ["Security:SampleAccountsFile"] = _file });

    private string Secret(string key) =>
        File.ReadAllLines(_file).Select(line => line.Split(' ', 2)).Single(parts => parts[0] == key)[1];
}
