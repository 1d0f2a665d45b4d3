using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Security.Keys;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>Application name shared by every node: it isolates BIS's keys and payloads from any other app's.</summary>
    public const string ApplicationName = "BIS";

    /// <summary>
    /// The keys that sign and encrypt the sign-in and antiforgery cookies: kept in PostgreSQL so every web
    /// node shares them (a cookie issued by one is read by the next, and a node's disk holds none), and
    /// encrypted there with the key-encryption key (Security:DataProtection).
    /// </summary>
    public static IServiceCollection AddBisDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyProtectionOptions>().Bind(configuration.GetSection(KeyProtectionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionOptionsValidator>();
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingInPostgres>();
        return services;
    }

    private sealed class KeyRingInPostgres(NpgsqlDataSource dataSource, KeyEncryptionKeys keys, IOptions<KeyProtectionOptions> options, ILoggerFactory loggers)
        : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions management)
        {
            var logger = loggers.CreateLogger(typeof(DataProtectionServiceCollectionExtensions).FullName!);
            management.XmlRepository = new PostgresXmlRepository(dataSource, encryptedKeysOnly: keys.Current is not null, loggers.CreateLogger<PostgresXmlRepository>());
            if (keys.Current is { } current)
            {
                management.XmlEncryptor = new AesGcmXmlEncryptor(current);
                WarnIfOthersCanRead(options.Value.KeyEncryptionKeyFile!, logger);
            }
            else
            {
                logger.LogWarning(
                    "Data Protection keys are stored in data_protection_key WITHOUT encryption: anyone who can read the database can forge " +
                    "sign-in cookies. Set {Setting} (allowed without one only for a database on this machine).",
                    KeyProtectionOptions.Section + ":KeyEncryptionKeyFile");
            }
        }

        private static void WarnIfOthersCanRead(string file, ILogger logger)
        {
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & others) != 0)
            {
                logger.LogWarning("The key-encryption key file {File} can be read by other users; make it readable by BIS alone (chmod 600)", file);
            }
        }
    }
}
