using System.Xml.Linq;
using BIS.Web.Security.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>Real Data Protection keys, made by the framework itself, as someone without the key-encryption key could make them.</summary>
public static class KeyRings
{
    /// <summary>A key with its master key in the clear.</summary>
    public static XElement PlaintextKey() => MakeKey(encryptor: null);

    /// <summary>A key whose master key is wrapped by the framework's NullXmlEncryptor: marked as encrypted, readable by anyone.</summary>
    public static XElement NullEncryptedKey() => MakeKey(new NullXmlEncryptor());

    /// <summary>A key as the framework stores it with <paramref name="encryptor"/>; <paramref name="keys"/> open BIS's own encryption again.</summary>
    public static XElement MakeKey(IXmlEncryptor? encryptor, KeyEncryptionKeys? keys = null)
    {
        var repository = new MemoryXmlRepository();
        var services = new ServiceCollection();
        services.AddLogging();
        if (keys is not null)
        {
            services.AddSingleton(keys);
        }

        services.AddDataProtection().SetApplicationName("BIS");
        services.Configure<KeyManagementOptions>(options =>
        {
            options.XmlRepository = repository;
            options.XmlEncryptor = encryptor;
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("make a key"u8.ToArray());
        return repository.GetAllElements().Single();
    }

    private sealed class MemoryXmlRepository : IXmlRepository
    {
        private readonly List<XElement> _elements = [];

        public IReadOnlyCollection<XElement> GetAllElements() => _elements.ToList();

        public void StoreElement(XElement element, string friendlyName) => _elements.Add(new XElement(element));
    }
}
