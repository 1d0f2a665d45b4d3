using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace BIS.Web.Security.Keys;

/// <summary>
/// The Data Protection key ring in PostgreSQL (table <c>data_protection_key</c>), so every web node signs
/// and reads cookies with the same keys and a node's disk holds none. Rows are only added, as the runtime
/// role may only add them. With a key-encryption key configured, a key whose secret is not encrypted with
/// it is skipped (<see cref="EncryptedKeys"/>): whoever can write the table without holding that key
/// cannot plant a key of their own.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource, bool encryptedKeysOnly, ILogger<PostgresXmlRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        using var command = dataSource.CreateCommand("SELECT id, xml FROM data_protection_key ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            XElement element;
            try
            {
                element = XElement.Parse(reader.GetString(1));
            }
            catch (XmlException e)
            {
                logger.LogError("Data Protection key row {Id} is not XML and is skipped: {Error}", id, e.Message);
                continue;
            }

            if (encryptedKeysOnly && !EncryptedKeys.IsEncryptedOrNotAKey(element))
            {
                logger.LogError("Data Protection key row {Id} holds a key that is not encrypted with the key-encryption key: it is never used", id);
                continue;
            }

            elements.Add(element);
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand("INSERT INTO data_protection_key (friendly_name, xml) VALUES (@name, @xml)");
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
