using System.Security.Cryptography;
using System.Xml.Linq;
using BIS.Web.Security.Keys;

namespace BIS.Web.Tests.Security;

/// <summary>Which key rows a node with a key-encryption key trusts, and what the encryption does.</summary>
public sealed class EncryptedKeysTests
{
    private static readonly KeyEncryptionKey Kek = KeyEncryptionKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    [Fact]
    public void A_key_encrypted_by_BIS_is_trusted_and_one_in_the_clear_or_behind_the_null_decryptor_is_not()
    {
        var plaintext = KeyRings.PlaintextKey();
        var encrypted = KeyRings.MakeKey(new AesGcmXmlEncryptor(Kek), Keys(Kek));

        Assert.True(EncryptedKeys.IsEncryptedOrNotAKey(encrypted));
        Assert.False(EncryptedKeys.IsEncryptedOrNotAKey(plaintext));
        Assert.False(EncryptedKeys.IsEncryptedOrNotAKey(KeyRings.NullEncryptedKey()));
        Assert.True(EncryptedKeys.IsEncryptedOrNotAKey(XElement.Parse("<revocation version=\"1\"><revocationDate>2026-01-01T00:00:00Z</revocationDate><key id=\"*\" /><reason>test</reason></revocation>")));
    }

    [Fact]
    public void A_key_that_also_carries_a_master_key_in_the_clear_beside_an_encrypted_one_is_not_trusted()
    {
        var encrypted = KeyRings.MakeKey(new AesGcmXmlEncryptor(Kek), Keys(Kek));
        var masterKey = KeyRings.PlaintextKey().Descendants("masterKey").Single();
        encrypted.Descendants().Single(e => e.Name.LocalName == "encryptedSecret").AddAfterSelf(new XElement(masterKey));

        Assert.False(EncryptedKeys.IsEncryptedOrNotAKey(encrypted));
    }

    [Fact]
    public void The_encrypted_secret_opens_with_its_key_and_fails_with_another_or_when_altered()
    {
        var secret = new XElement("masterKey", new XElement("value", "c2VjcmV0IGtleSBtYXRlcmlhbA=="));
        var encrypted = new AesGcmXmlEncryptor(Kek).Encrypt(secret).EncryptedElement;
        Assert.DoesNotContain("c2VjcmV0", encrypted.ToString(), StringComparison.Ordinal);

        Assert.Equal(secret.ToString(), new AesGcmXmlDecryptor(Keys(Kek)).Decrypt(encrypted).ToString());

        var other = KeyEncryptionKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var unknown = Assert.Throws<CryptographicException>(() => new AesGcmXmlDecryptor(Keys(other)).Decrypt(encrypted));
        Assert.Contains(Kek.Id, unknown.Message, StringComparison.Ordinal);

        var altered = new XElement(encrypted);
        var bytes = Convert.FromBase64String(altered.Value);
        bytes[0] ^= 1;
        altered.Value = Convert.ToBase64String(bytes);
        Assert.ThrowsAny<CryptographicException>(() => new AesGcmXmlDecryptor(Keys(Kek)).Decrypt(altered));
    }

    [Fact]
    public void A_previous_key_encryption_key_still_opens_what_it_encrypted()
    {
        var old = KeyEncryptionKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var encrypted = new AesGcmXmlEncryptor(old).Encrypt(new XElement("masterKey", "x")).EncryptedElement;

        Assert.Equal("x", new AesGcmXmlDecryptor(Keys(Kek, old)).Decrypt(encrypted).Value);
    }

    private static KeyEncryptionKeys Keys(KeyEncryptionKey current, params KeyEncryptionKey[] previous) => KeyEncryptionKeys.Of(current, previous);
}
