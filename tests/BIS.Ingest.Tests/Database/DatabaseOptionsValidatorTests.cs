using BIS.Ingest.Database;
using BIS.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Tests.Database;

/// <summary>The provisioned default password is refused for a database that is not on this machine.</summary>
public sealed class DatabaseOptionsValidatorTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=5433;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=localhost;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=LOCALHOST;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=::1;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=[::1]:5433;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=127.0.0.1:5433,localhost:5434;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=/var/run/postgresql;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=db.fd.example;Database=bis;Username=bis;Password=a-long-chosen-password")]
    [InlineData("Host=10.0.0.5;Database=bis;Username=bis")]
    public void A_database_on_this_machine_or_a_chosen_password_is_accepted(string connectionString)
    {
        Assert.True(new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { ConnectionString = connectionString }).Succeeded);
    }

    [Theory]
    [InlineData("Host=db.fd.example;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=10.0.0.5;Port=5432;Database=bis;Username=bis_app;Password=bis")]
    [InlineData("Host=127.0.0.1,db.fd.example;Database=bis;Username=bis;Password=bis")]
    [InlineData("Host=128.0.0.1;Database=bis;Username=bis;Password=bis")]
    [InlineData("Database=bis;Username=bis;Password=bis")]
    public void The_default_password_for_a_database_elsewhere_is_refused_naming_the_setting(string connectionString)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains("Database:ConnectionString uses the provisioned default password", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_owner_connection_string_is_checked_too()
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions
        {
            ConnectionString = "Host=db.fd.example;Database=bis;Username=bis_app;Password=a-long-chosen-password",
            OwnerConnectionString = "Host=db.fd.example;Database=bis;Username=bis;Password=bis",
        });

        Assert.True(result.Failed);
        Assert.Contains("Database:OwnerConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Database:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BIS_Ingest_does_not_start_with_the_default_password_for_a_database_elsewhere()
    {
        // Nothing answers at db.invalid: the refusal comes before any connection is tried.
        using var host = IngestHost.Build("Host=db.invalid;Database=bis;Username=bis;Password=bis", manifestPath: null);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Database:ConnectionString uses the provisioned default password 'bis'", refused.Message, StringComparison.Ordinal);
    }
}
