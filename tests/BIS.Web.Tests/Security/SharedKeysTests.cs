using System.Net;
using System.Xml.Linq;
using BIS.Web.Security.Keys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BIS.Web.Tests.Security;

/// <summary>
/// The Data Protection keys live in PostgreSQL, encrypted with the key-encryption key: two web nodes on
/// one database read each other's cookies, and the table holds no key material in the clear.
/// </summary>
public sealed class SharedKeysTests(BisWebFactory first) : IClassFixture<BisWebFactory>
{
    private const string Planted = "planted";

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_node_is_accepted_by_the_other_and_back()
    {
        var fromFirst = await SignInCookieAsync(first);
        // Another BIS.Web on the first one's database, configured the same way (a second node behind a balancer).
        await using var second = new ConfiguredNode("Testing", first.NodeSettings());

        Assert.Equal(HttpStatusCode.OK, await SearchStatusAsync(second, fromFirst));
        Assert.Equal(HttpStatusCode.Unauthorized, await SearchStatusAsync(second, cookie: null));
        Assert.Equal(HttpStatusCode.OK, await SearchStatusAsync(first, await SignInCookieAsync(second)));
        // The second node found the first's key instead of making its own.
        Assert.Equal(1L, await first.Database.ScalarAsync<long>($"SELECT count(*) FROM data_protection_key WHERE friendly_name <> '{Planted}'"));
    }

    [Fact]
    public async Task The_key_in_the_table_is_encrypted_and_opens_only_with_the_key_encryption_key()
    {
        await SignInCookieAsync(first);

        var xml = await first.Database.ScalarAsync<string>($"SELECT xml FROM data_protection_key WHERE friendly_name <> '{Planted}'");

        Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        var secret = XElement.Parse(xml).Descendants(AesGcmXmlEncryptor.ElementName).Single();
        var opened = new AesGcmXmlDecryptor(first.Services.GetRequiredService<KeyEncryptionKeys>()).Decrypt(secret);
        Assert.Equal("masterKey", opened.Name.LocalName);
        Assert.True(opened.Value.Length >= 64, "the opened secret holds the master key");

        var otherKey = KeyEncryptionKey.FromBase64(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => new AesGcmXmlDecryptor(KeyEncryptionKeys.Of(otherKey)).Decrypt(secret));
    }

    [Fact]
    public async Task A_key_planted_in_the_table_in_the_clear_is_never_used()
    {
        await SignInCookieAsync(first);
        var planted = KeyRings.PlaintextKey();
        // The runtime role may add rows (it adds keys and revocations), so this is what a SQL injection could do.
        await using (var runtime = NpgsqlDataSource.Create(first.Database.RuntimeConnectionString))
        await using (var insert = runtime.CreateCommand($"INSERT INTO data_protection_key (friendly_name, xml) VALUES ('{Planted}', @xml)"))
        {
            insert.Parameters.AddWithValue("xml", planted.ToString());
            await insert.ExecuteNonQueryAsync();
        }

        await using var owner = NpgsqlDataSource.Create(first.Database.ConnectionString);
        var ring = new PostgresXmlRepository(owner, encryptedKeysOnly: true, NullLogger<PostgresXmlRepository>.Instance).GetAllElements();

        Assert.Single(ring);
        Assert.DoesNotContain(ring, key => (string?)key.Attribute("id") == (string?)planted.Attribute("id"));
        Assert.Equal(2, new PostgresXmlRepository(owner, encryptedKeysOnly: false, NullLogger<PostgresXmlRepository>.Instance).GetAllElements().Count);
    }

    private static async Task<string> SignInCookieAsync(WebApplicationFactory<Program> node)
    {
        using var client = node.CreateClient(new() { AllowAutoRedirect = false });
        var response = await SignIn.PostAsync(client, "dispatcher", BisWebFactory.DispatcherPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bis.auth=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }

    private static async Task<HttpStatusCode> SearchStatusAsync(WebApplicationFactory<Program> node, string? cookie)
    {
        using var client = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/buildings/search?q=302+Sumner+St");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return (await client.SendAsync(request)).StatusCode;
    }
}
