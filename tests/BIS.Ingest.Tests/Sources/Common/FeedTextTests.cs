using System.Text;
using System.Text.Json;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Tests.Sources.Common;

/// <summary>JSON inputs in every encoding a publisher writes them in read the same (FeedText.ParseJson).</summary>
public class FeedTextTests
{
    private const string Json = """{"features":[{"properties":{"OWNER":"CAFÉ ÑANDÚ LLC"}}]}""";

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Json) },
        { "UTF-8 with BOM", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Json)] },
        { "UTF-16 with BOM", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Json)] },
        { "Windows-1252", CodePage1252().GetBytes(Json) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_json_file_reads_the_same_in_every_encoding(string encoding, byte[] bytes)
    {
        using var files = new TempFiles();
        var file = new FeedFile("items", files.WriteBytes($"{encoding}.json", bytes), encoding);

        using var document = FeedText.ParseJson(file, default);

        Assert.Equal("CAFÉ ÑANDÚ LLC", document!.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("OWNER").GetString());
    }

    [Fact]
    public void A_utf8_json_file_with_damaged_bytes_is_read_as_utf8_with_the_damage_replaced()
    {
        // One owner cut mid-character (Ñ is C3 91), among owners written whole: the file is UTF-8, not Windows-1252.
        byte[] bytes =
        [
            .. "{\"features\":[{\"properties\":{\"OWNER\":\"中文 ✓\"}},{\"properties\":{\"OWNER\":\"NU"u8, 0xC3,
            .. "EZ\"}},{\"properties\":{\"OWNER\":\"CAFÉ ÑANDÚ LLC\"}}]}"u8,
        ];
        using var files = new TempFiles();
        var file = new FeedFile("items", files.WriteBytes("damaged.json", bytes), "damaged.json");

        using var document = FeedText.ParseJson(file, default);

        var owners = document!.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("OWNER").GetString());
        Assert.Equal(["中文 ✓", "NU\uFFFDEZ", "CAFÉ ÑANDÚ LLC"], owners);
    }

    [Theory]
    [InlineData(" \r\n\t ")]
    [InlineData("\uFEFF  ")]
    public void A_file_of_whitespace_is_no_document(string text)
    {
        using var files = new TempFiles();
        var file = new FeedFile("items", files.Write("blank.json", text), "blank.json");

        Assert.Null(FeedText.ParseJson(file, default));
    }

    [Fact]
    public void Malformed_json_is_a_json_error()
    {
        using var files = new TempFiles();
        var file = new FeedFile("items", files.Write("broken.json", "{ \"features\": [ "), "broken.json");

        Assert.ThrowsAny<JsonException>(() => FeedText.ParseJson(file, default));
    }

    private static Encoding CodePage1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
