using Microsoft.Extensions.Options;

namespace BIS.Ingest.Database;

/// <summary>
/// Refuses to start with the provisioned default password on a database reached over a network: on
/// loopback it only guards a machine's own cluster, anywhere else anyone who knows BIS knows it.
/// </summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new List<string>();
        Check(options.ConnectionString, nameof(DatabaseOptions.ConnectionString), errors);
        Check(options.OwnerConnectionString, nameof(DatabaseOptions.OwnerConnectionString), errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string? connectionString, string setting, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(connectionString)
            || DatabaseHost.PasswordOf(connectionString) != DatabaseHost.ProvisionedDefaultPassword
            || DatabaseHost.IsLoopback(connectionString))
        {
            return;
        }

        errors.Add(
            $"{DatabaseOptions.Section}:{setting} uses the provisioned default password '{DatabaseHost.ProvisionedDefaultPassword}' " +
            "for a database that is not on this machine. Give the role its own password (ALTER ROLE … PASSWORD) and put it in " +
            $"{DatabaseOptions.Section}:{setting}.");
    }
}
