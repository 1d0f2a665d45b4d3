using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.Keys;

/// <summary>One key-encryption key and the short id stored beside what it encrypted (not secret: a hash prefix).</summary>
public sealed record KeyEncryptionKey(string Id, byte[] Key)
{
    public const int Bytes = 32;

    public static KeyEncryptionKey FromBase64(string text)
    {
        var key = Convert.FromBase64String(text.Trim());
        if (key.Length != Bytes)
        {
            throw new FormatException($"a key-encryption key is {Bytes} bytes, this one is {key.Length}");
        }

        return new KeyEncryptionKey(Convert.ToHexString(SHA256.HashData(key))[..16].ToLowerInvariant(), key);
    }

    /// <summary>Reads a key file; the message of any failure names the file and what is wrong with it.</summary>
    public static KeyEncryptionKey Read(string file)
    {
        try
        {
            return FromBase64(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidOperationException($"The key-encryption key file '{file}' cannot be used: {e.Message}. It must hold {Bytes} random bytes in base64 (openssl rand -base64 {Bytes}).", e);
        }
    }
}

/// <summary>The configured key-encryption keys: the current one encrypts, any of them decrypts.</summary>
public sealed class KeyEncryptionKeys
{
    public KeyEncryptionKeys(IOptions<KeyProtectionOptions> options)
        : this(
            string.IsNullOrWhiteSpace(options.Value.KeyEncryptionKeyFile) ? null : KeyEncryptionKey.Read(options.Value.KeyEncryptionKeyFile),
            options.Value.PreviousKeyEncryptionKeyFiles.Where(f => !string.IsNullOrWhiteSpace(f)).Select(KeyEncryptionKey.Read))
    {
    }

    private KeyEncryptionKeys(KeyEncryptionKey? current, IEnumerable<KeyEncryptionKey> previous)
    {
        Current = current;
        All = (current is null ? [] : new[] { current }).Concat(previous).ToList();
    }

    /// <summary>Keys already in hand rather than read from files.</summary>
    public static KeyEncryptionKeys Of(KeyEncryptionKey? current, params KeyEncryptionKey[] previous) => new(current, previous);

    /// <summary>The key new Data Protection keys are encrypted with; null when none is configured.</summary>
    public KeyEncryptionKey? Current { get; }

    public IReadOnlyList<KeyEncryptionKey> All { get; }

    public KeyEncryptionKey? Find(string id) => All.FirstOrDefault(k => k.Id == id);
}
