using BIS.Ingest.Database;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.Keys;

/// <summary>
/// Refuses to start when the key-encryption key files cannot be read, and when no key-encryption key is
/// configured for a database on another machine (outside Development): the keys there sign every
/// sign-in cookie, so whoever reads them (a backup, a replica, a database account) could sign in as
/// anyone. On a database on this machine the keys are as safe as the machine's own disk would keep them,
/// so that is only warned about.
/// </summary>
public sealed class KeyProtectionOptionsValidator(IHostEnvironment environment, IOptions<DatabaseOptions> database) : IValidateOptions<KeyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        var errors = new List<string>();
        foreach (var file in new[] { options.KeyEncryptionKeyFile }.Concat(options.PreviousKeyEncryptionKeyFiles).Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            try
            {
                KeyEncryptionKey.Read(file!);
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"{KeyProtectionOptions.Section}: {e.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile)
            && !environment.IsDevelopment()
            && !DatabaseHost.IsLoopback(database.Value.ConnectionString))
        {
            errors.Add(
                $"{KeyProtectionOptions.Section}:KeyEncryptionKeyFile is not set, so the sign-in keys would be stored unencrypted in a database " +
                "on another machine. Point it at a file of 32 random bytes in base64 (openssl rand -base64 32), the same on every web node.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
