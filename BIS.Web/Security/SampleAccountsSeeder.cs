using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Security;

/// <summary>
/// For the sample city only (Security:SampleAccountsFile set): one account per role and a CAD API key.
/// Passwords are random per installation (16 hex digits: they pass the password policy), kept in the
/// file (owner-only) so a restart reuses them, and printed at start-up so whoever ran <c>infra/bis up</c>
/// can sign in. Accounts are created once: an existing one keeps its role, name and disabled flag, so
/// an administrator who disabled or changed it is not undone by the next start. Only when the file
/// lost a password (deleted, edited) is the existing account given the new one, to keep the file true.
/// </summary>
public sealed class SampleAccountsSeeder(IOptions<SecurityOptions> options, LocalAccounts accounts, NpgsqlDataSource dataSource) : IHostedService
{
    private static readonly (string User, string Name, string Role, string? Unit)[] Accounts =
    [
        ("dispatcher", "Sample Dispatcher", BisRoles.Dispatcher, null),
        ("firefighter", "Sample Firefighter (Engine 5)", BisRoles.Firefighter, "E5"),
        ("steward", "Sample Data Steward", BisRoles.Steward, null),
        ("admin", "Sample Administrator", BisRoles.Admin, null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SampleAccountsFile is not { Length: > 0 } file)
        {
            return;
        }

        var secrets = File.Exists(file) ? Read(file) : [];
        var renewed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in Accounts.Select(a => a.User).Append(CadKey))
        {
            if (secrets.TryAdd(key, key == CadKey ? NewSecret() + NewSecret() : NewSecret()))
            {
                renewed.Add(key);
            }
        }

        Write(file, secrets);

        foreach (var (user, name, role, unit) in Accounts)
        {
            if (!await accounts.AddIfMissingAsync(user, name, role, unit, secrets[user], cancellationToken) && renewed.Contains(user))
            {
                await accounts.SetPasswordAsync(user, secrets[user], cancellationToken);
            }
        }

        // Sets the file's key; never re-enables a client an administrator disabled.
        await ApiKeyAuthentication.RegisterAsync(dataSource, "sample-cad", secrets[CadKey], cancellationToken);

        Console.WriteLine("Sample-city accounts (also in " + file + "):");
        foreach (var (key, secret) in secrets.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {key,-12} {secret}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private const string CadKey = "cad-api-key";

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    private static Dictionary<string, string> Read(string file) =>
        File.ReadAllLines(file)
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[1].Length > 0)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    private static void Write(string file, Dictionary<string, string> secrets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllLines(file, secrets.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
