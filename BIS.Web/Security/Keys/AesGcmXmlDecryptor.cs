using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace BIS.Web.Security.Keys;

/// <summary>
/// Reads what <see cref="AesGcmXmlEncryptor"/> wrote. The Data Protection system creates it by the type
/// name stored with each key, handing it the app's services.
/// </summary>
public sealed class AesGcmXmlDecryptor : IXmlDecryptor
{
    private readonly KeyEncryptionKeys _keys;

    public AesGcmXmlDecryptor(IServiceProvider services)
        : this(services.GetRequiredService<KeyEncryptionKeys>())
    {
    }

    public AesGcmXmlDecryptor(KeyEncryptionKeys keys) => _keys = keys;

    public XElement Decrypt(XElement encryptedElement)
    {
        var keyId = (string?)encryptedElement.Attribute("kek") ?? string.Empty;
        var key = _keys.Find(keyId) ?? throw new CryptographicException(
            $"This Data Protection key was encrypted with key-encryption key {keyId}, which is not configured " +
            $"(configured: {(_keys.All.Count == 0 ? "none" : string.Join(", ", _keys.All.Select(k => k.Id)))}). " +
            $"Set {KeyProtectionOptions.Section}:KeyEncryptionKeyFile, or list the old file in {KeyProtectionOptions.Section}:PreviousKeyEncryptionKeyFiles.");

        var nonce = Convert.FromBase64String((string?)encryptedElement.Attribute("nonce") ?? string.Empty);
        var tag = Convert.FromBase64String((string?)encryptedElement.Attribute("tag") ?? string.Empty);
        var ciphertext = Convert.FromBase64String(encryptedElement.Value);
        if (nonce.Length != AesGcmXmlEncryptor.NonceBytes || tag.Length != AesGcmXmlEncryptor.TagBytes)
        {
            throw new CryptographicException("A Data Protection key's encrypted secret is damaged (nonce or tag of the wrong size).");
        }

        var plaintext = new byte[ciphertext.Length];
        try
        {
            using (var aes = new AesGcm(key.Key, AesGcmXmlEncryptor.TagBytes))
            {
                aes.Decrypt(nonce, ciphertext, tag, plaintext, AesGcmXmlEncryptor.AssociatedData(key.Id));
            }

            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
