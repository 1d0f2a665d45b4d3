using System.Xml.Linq;

namespace BIS.Web.Security.Keys;

/// <summary>
/// Tells a key whose secret only the key-encryption key opens from one anyone could have written. A key
/// element keeps its master key in an <c>encryptedSecret</c> naming the decryptor to use; a planted key
/// would carry its master key in the clear, or behind a decryptor that needs no secret (the framework's
/// NullXmlDecryptor hands back what it is given).
/// </summary>
public static class EncryptedKeys
{
    // The framework writes encryptedSecret in its own XML namespace and reads masterKey without one; names
    // are compared without namespaces here so that no spelling of either slips past.
    private const string EncryptedSecret = "encryptedSecret";
    private const string MasterKey = "masterKey";

    /// <summary>
    /// True for a key whose every secret is AES-GCM encrypted by BIS and whose master key appears nowhere
    /// in the clear; true for anything that is not a key (revocations carry no secret).
    /// </summary>
    public static bool IsEncryptedOrNotAKey(XElement element)
    {
        if (element.Name.LocalName != "key")
        {
            return true;
        }

        var secrets = element.Descendants().Where(e => e.Name.LocalName == EncryptedSecret).ToList();
        return secrets.Count > 0
            && secrets.All(IsOurs)
            && !element.Descendants().Any(e => e.Name.LocalName == MasterKey && !e.Ancestors().Any(a => a.Name.LocalName == EncryptedSecret));
    }

    private static bool IsOurs(XElement secret)
    {
        // "Type, Assembly, Version=…": the type and its assembly must be ours, whatever the version.
        var decryptor = ((string?)secret.Attribute("decryptorType") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        var inner = secret.Elements().ToList();
        return decryptor.Length >= 2
            && decryptor[0] == typeof(AesGcmXmlDecryptor).FullName
            && decryptor[1] == typeof(AesGcmXmlDecryptor).Assembly.GetName().Name
            && inner.Count == 1 && inner[0].Name == AesGcmXmlEncryptor.ElementName;
    }
}
