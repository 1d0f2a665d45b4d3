using System.Text;
using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Tests.Sources.Common;

/// <summary>
/// Which encoding a feed file is read in (FeedText.DetectEncoding): UTF-8 stays UTF-8 when a few bytes are
/// damaged, Windows-1252 stays Windows-1252 when a few bytes happen to form UTF-8.
/// </summary>
public class EncodingDetectionTests
{
    private const int Utf8 = 65001;
    private const int Windows1252 = 1252;

    private static readonly string[] OwnerNames = ["NUÑEZ MARÍA", "中文 ✓", "CAFÉ ZÜRICH LLC", "Façade — unsafe", "Đặng Văn", "😀 EMOJI LLC"];

    [Fact]
    public void Valid_utf8_is_utf8()
    {
        Assert.Equal(Utf8, Detect(Encoding.UTF8.GetBytes(Rows(200))));
    }

    [Fact]
    public void Ascii_is_utf8()
    {
        Assert.Equal(Utf8, Detect("case_no,description\nV1,Unsafe and Dangerous\n"u8.ToArray()));
    }

    [Fact]
    public void Utf8_with_one_damaged_line_stays_utf8_and_only_that_line_holds_replacements()
    {
        var text = Rows(200);
        var bytes = Damaged(text, line: 79);

        Assert.Equal(Utf8, Detect(bytes));
        var read = Read(bytes).Split('\n');
        var written = text.Split('\n');
        Assert.Equal(written.Length, read.Length);
        for (var i = 0; i < written.Length; i++)
        {
            Assert.Equal(i == 78 ? written[i].Replace("NUÑEZ", "NU\uFFFDEZ", StringComparison.Ordinal) : written[i], read[i]);
        }
    }

    [Fact]
    public void A_utf8_bom_keeps_a_damaged_file_utf8_even_with_little_valid_text()
    {
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. "id,name\n1,caf"u8, 0xE9, .. "\n"u8];

        Assert.Equal(Utf8, Detect(bytes));
        Assert.Equal("id,name\n1,caf\uFFFD\n", Read(bytes));
    }

    [Fact]
    public void Real_windows_1252_is_windows_1252()
    {
        var text = "PID,OWNER\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i},CAFÉ ZÜRICH LLC – “Nuñez”\n"));

        Assert.Equal(Windows1252, Detect(CodePage1252.GetBytes(text)));
    }

    [Fact]
    public void Windows_1252_with_a_chance_valid_pair_among_many_1252_bytes_is_windows_1252()
    {
        // "Ã©" is C3 A9 in Windows-1252, which is also UTF-8 for "é"; "É”" (C9 94) is another chance pair.
        var text = "PID,OWNER\n1,RÃ©SIDENCE TRUST\n2,CAFÉ”\n" + string.Concat(Enumerable.Range(3, 50).Select(i => $"{i},NUÑEZ FAMÍLIA\n"));
        var bytes = CodePage1252.GetBytes(text);

        Assert.Equal(Windows1252, Detect(bytes));
        Assert.Equal(text, Read(bytes));
    }

    [Fact]
    public void A_tie_between_valid_and_invalid_sequences_stays_windows_1252()
    {
        // One chance pair (Ã©) and one lone accented letter: too little to call it UTF-8 with damage.
        var text = "PID,OWNER\n1,RÃ©SIDENCE\n2,CAFé\n";

        Assert.Equal(Windows1252, Detect(CodePage1252.GetBytes(text)));
    }

    [Fact]
    public void Ascii_with_one_byte_above_0x7F_is_read_as_windows_1252()
    {
        // Cannot be told from a Windows-1252 file with one accented letter: one wrong character, not a lost one.
        Assert.Equal(Windows1252, Detect([.. "id,name\n1,caf"u8, 0xE9, .. "\n"u8]));
    }

    [Fact]
    public void Rows_of_windows_1252_appended_to_a_utf8_file_are_damage_in_a_utf8_file()
    {
        var utf8 = Encoding.UTF8.GetBytes(Rows(100));
        byte[] bytes = [.. utf8, .. CodePage1252.GetBytes("101,CAFÉ ZÜRICH LLC\n102,NUÑEZ\n")];

        Assert.Equal(Utf8, Detect(bytes));
        Assert.EndsWith("101,CAF\uFFFD Z\uFFFDRICH LLC\n102,NU\uFFFDEZ\n", Read(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Utf16_with_bom_is_utf16(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var text = Rows(20);

        // Either byte order is reported as UTF-16: the reader takes the order from the BOM.
        Assert.Equal(1200, Detect([.. encoding.Preamble, .. encoding.GetBytes(text)]));
        Assert.Equal(text, Read([.. encoding.Preamble, .. encoding.GetBytes(text)]));
    }

    [Fact]
    public void Counting_a_file_in_chunks_counts_what_the_decoder_makes_of_it()
    {
        // Characters of two, three and four bytes and damaged bytes, dense enough that the scanner's 64 KiB
        // chunks end inside sequences of every length.
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => i % 7 == 0 ? "é中😀 " : "ab中é😀"));
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 1_000; i < bytes.Length; i += 9_973)
        {
            bytes[i] = (byte)(i % 2 == 0 ? 0xFF : 0x80);
        }

        using var files = new TempFiles();
        using var stream = File.OpenRead(files.WriteBytes("chunks.csv", bytes));
        var streamed = Utf8Census.Of(stream);

        var decoded = Encoding.UTF8.GetString(bytes);
        var replacements = decoded.Count(c => c == '\uFFFD');
        var nonAscii = decoded.EnumerateRunes().Count(r => r.Value > 0x7F && r.Value != 0xFFFD);
        Assert.True(bytes.Length > 3 * 65_536 && replacements > 10);
        Assert.Equal((nonAscii, replacements), ((int)streamed.MultiByteSequences, (int)streamed.InvalidSequences));
        Assert.Equal((streamed.MultiByteSequences, streamed.InvalidSequences), (Utf8Census.Of(bytes).MultiByteSequences, Utf8Census.Of(bytes).InvalidSequences));
    }

    [Fact]
    public void A_sequence_cut_off_by_the_end_of_the_file_is_one_invalid_sequence()
    {
        var census = Utf8Census.Of([.. "中"u8, 0xE4, 0xB8]);

        Assert.Equal((1L, 1L), (census.MultiByteSequences, census.InvalidSequences));
    }

    private static string Rows(int count) =>
        "case_no,owner\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"V{i},{OwnerNames[i % OwnerNames.Length]}\n"));

    /// <summary>The UTF-8 bytes of <paramref name="text"/> with the "Ñ" of physical line <paramref name="line"/> cut to its first byte.</summary>
    private static byte[] Damaged(string text, int line)
    {
        var lines = text.Split('\n');
        lines[line - 1] = lines[line - 1].Replace("NUÑEZ", "NU\u0001EZ", StringComparison.Ordinal);
        Assert.Contains('\u0001', lines[line - 1]);
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        bytes[Array.IndexOf(bytes, (byte)0x01)] = 0xC3; // Ñ is C3 91; the 91 is lost.
        return bytes;
    }

    private static int Detect(byte[] bytes)
    {
        using var files = new TempFiles();
        return FeedText.DetectEncoding(files.WriteBytes("feed.csv", bytes)).CodePage;
    }

    private static string Read(byte[] bytes)
    {
        using var files = new TempFiles();
        var path = files.WriteBytes("feed.csv", bytes);
        using var reader = FeedText.Open(new BIS.Ingest.Pipeline.FeedFile("rows", path, "feed.csv"));
        return reader.ReadToEnd();
    }

    private static Encoding CodePage1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }
}
