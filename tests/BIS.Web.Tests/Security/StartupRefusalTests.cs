using BIS.Ingest.Database;
using BIS.Web.Security.Keys;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace BIS.Web.Tests.Security;

/// <summary>
/// BIS.Web refuses to start, naming the setting, with the provisioned default database password for a
/// database elsewhere, and with no key-encryption key for sign-in keys kept in a database elsewhere.
/// </summary>
public sealed class StartupRefusalTests
{
    private const string Elsewhere = "Host=db.invalid;Port=5432;Database=bis;Username=bis_app;Password=";

    [Fact]
    public void The_default_password_for_a_database_elsewhere_stops_BIS_Web_at_start()
    {
        using var node = new ConfiguredNode("Testing", new() { ["Database:ConnectionString"] = Elsewhere + DatabaseHost.ProvisionedDefaultPassword });

        var refused = Assert.ThrowsAny<Exception>(() => node.Services);

        Assert.Contains("Database:ConnectionString uses the provisioned default password 'bis'", Messages(refused), StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_in_keys_for_a_database_elsewhere_without_a_key_encryption_key_stop_BIS_Web_at_start()
    {
        using var node = new ConfiguredNode("Production", new() { ["Database:ConnectionString"] = Elsewhere + "a-chosen-password" });

        var refused = Assert.ThrowsAny<Exception>(() => node.Services);

        var messages = Messages(refused);
        Assert.Contains("Security:DataProtection:KeyEncryptionKeyFile is not set", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("default password", messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "Host=127.0.0.1;Port=5433;Database=bis;Username=bis_app;Password=bis", true)]
    [InlineData("Development", Elsewhere + "a-chosen-password", true)]
    [InlineData("Production", Elsewhere + "a-chosen-password", false)]
    [InlineData("Staging", Elsewhere + "a-chosen-password", false)]
    public void Without_a_key_encryption_key_only_a_database_on_this_machine_or_development_is_allowed(string environment, string connectionString, bool allowed)
    {
        var validator = new KeyProtectionOptionsValidator(
            new HostingEnvironment { EnvironmentName = environment },
            Options.Create(new DatabaseOptions { ConnectionString = connectionString }));

        Assert.Equal(allowed, validator.Validate(null, new KeyProtectionOptions()).Succeeded);
    }

    [Fact]
    public void A_key_encryption_key_file_that_is_missing_or_not_32_bytes_is_refused_naming_the_file()
    {
        var shortKey = Path.GetTempFileName();
        File.WriteAllText(shortKey, Convert.ToBase64String(new byte[16]));
        try
        {
            var validator = new KeyProtectionOptionsValidator(
                new HostingEnvironment { EnvironmentName = "Production" },
                Options.Create(new DatabaseOptions { ConnectionString = "Host=127.0.0.1;Database=bis" }));

            var result = validator.Validate(null, new KeyProtectionOptions { KeyEncryptionKeyFile = shortKey, PreviousKeyEncryptionKeyFiles = ["/nonexistent/bis-kek"] });

            Assert.True(result.Failed);
            Assert.Contains($"'{shortKey}' cannot be used: a key-encryption key is 32 bytes, this one is 16", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("'/nonexistent/bis-kek' cannot be used", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(shortKey);
        }
    }

    private static string Messages(Exception? error)
    {
        var messages = new List<string>();
        for (; error is not null; error = error.InnerException)
        {
            messages.Add(error.Message);
            if (error is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
