using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace BIS.Web.Security.Keys;

/// <summary>
/// Encrypts a Data Protection key's secret (its master key) with the key-encryption key, AES-256-GCM,
/// before it is stored. Linux has no DPAPI; a certificate would need the same private key on every node
/// plus an X.509 store, where one 32-byte secret file does the same job. GCM authenticates too: a row
/// written by someone without the key-encryption key does not decrypt.
/// </summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public const string ElementName = "aesGcmEncryptedSecret";
    internal const int NonceBytes = 12;
    internal const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var tag = new byte[TagBytes];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(key.Key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(key.Id));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute("kek", key.Id),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }

    /// <summary>Binds the ciphertext to BIS's key ring and to the key-encryption key it names.</summary>
    internal static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes("BIS data protection key/" + keyId);
}
