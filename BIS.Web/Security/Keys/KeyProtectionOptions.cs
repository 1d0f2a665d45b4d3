namespace BIS.Web.Security.Keys;

/// <summary>The "Security:DataProtection" section: how the sign-in keys kept in PostgreSQL are protected at rest.</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "Security:DataProtection";

    /// <summary>
    /// A file holding the key-encryption key: 32 random bytes, base64 (<c>openssl rand -base64 32</c>), the
    /// same file on every web node, readable by BIS alone. Every Data Protection key is stored encrypted with
    /// it (AES-256-GCM), and a key in the table that is not is never used.
    /// </summary>
    public string? KeyEncryptionKeyFile { get; set; }

    /// <summary>
    /// Key-encryption keys replaced by a new <see cref="KeyEncryptionKeyFile"/>: still used to read the keys
    /// they encrypted (a key lives 90 days), never to encrypt a new one.
    /// </summary>
    public List<string> PreviousKeyEncryptionKeyFiles { get; set; } = [];
}
