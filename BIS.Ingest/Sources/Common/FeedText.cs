using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using BIS.Ingest.Pipeline;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// Opens a feed's text file in the encoding it was really written in: UTF-16 with BOM, UTF-8 (with or
/// without BOM, damaged bytes included), or Windows-1252, which is what Excel and older city systems export.
/// </summary>
/// <remarks>
/// The rule (<see cref="Choose"/>), for a file without a BOM: count over the whole file the valid multi-byte
/// UTF-8 sequences and the invalid ones (<see cref="Utf8Census"/>).
/// <list type="bullet">
/// <item>No invalid sequence: UTF-8 (pure ASCII included).</item>
/// <item>More valid multi-byte sequences than invalid ones: UTF-8 with damage. Each invalid sequence is
/// decoded as U+FFFD where it stands, and the row or item holding it carries a warning
/// (<see cref="ReplacedBytes"/>); every other row is read exactly as written. The file is never re-decoded
/// as a whole because of a few damaged lines.</item>
/// <item>Otherwise Windows-1252.</item>
/// </list>
/// Why counting and not "any valid sequence means UTF-8": in Windows-1252 text an accented letter is almost
/// always followed by ASCII, which makes it an invalid sequence; a valid pair arises only by chance — an
/// uppercase accented letter (C2–DF: Â … ß) before a symbol byte (80–BF: “ ” – — NBSP © °), "Ã©" or "É”" —
/// so a real Windows-1252 file has far more invalid sequences than chance-valid ones. A UTF-8 file with
/// damaged lines is the opposite: the undamaged non-ASCII text elsewhere outnumbers the damage. A tie (one
/// of each) stays Windows-1252, as every file with invalid bytes was read before this rule; so does a file
/// that is ASCII except for a damaged byte (no valid sequence at all), which cannot be told from a Windows-1252
/// file with one accented letter — that byte then becomes one wrong character, not a lost one.
/// A UTF-8 BOM declares UTF-8 whatever follows, and a UTF-16 BOM declares UTF-16 (Windows-1252 text never
/// starts with either).
/// </remarks>
public static class FeedText
{
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    // Replaces invalid bytes with U+FFFD (the default fallback) instead of throwing.
    private static readonly Encoding Utf8Text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Refuses a missing or zero-byte file; returns a reader positioned after any BOM.</summary>
    public static StreamReader Open(FeedFile file)
    {
        Require(file);
        return new StreamReader(file.LocalPath, DetectEncoding(file.LocalPath), detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>Refuses a missing or zero-byte file.</summary>
    private static void Require(FeedFile file)
    {
        var info = new FileInfo(file.LocalPath);
        if (!info.Exists)
        {
            throw new FeedRefusedException($"{file.Location} ({file.Role}) was not found at {file.LocalPath}");
        }

        if (info.Length == 0)
        {
            throw new FeedRefusedException($"{file.Location} ({file.Role}) is empty");
        }
    }

    /// <summary>
    /// A JSON file parsed as a document; null when it holds nothing but whitespace. A valid UTF-8 file (what
    /// RFC 8259 asks for, and what the city publishes) is read once and parsed from its bytes: decoding 100 MB of
    /// GeoJSON into a string first, only for the parser to encode it back, cost a second of a city's load. A file
    /// in UTF-16, in Windows-1252 or in UTF-8 with damaged bytes is decoded by the same rule as <see cref="Open"/>
    /// (damaged bytes become U+FFFD: the parser refuses invalid UTF-8, and one damaged item must not cost the file).
    /// </summary>
    /// <exception cref="FeedRefusedException">The file is missing or has no bytes.</exception>
    /// <exception cref="JsonException">The text is not well-formed JSON.</exception>
    public static JsonDocument? ParseJson(FeedFile file, JsonDocumentOptions options)
    {
        Require(file);
        var bytes = File.ReadAllBytes(file.LocalPath).AsMemory();
        var hasUtf8Bom = bytes.Span.StartsWith(Encoding.UTF8.Preamble);
        if (hasUtf8Bom)
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (!IsUtf16(bytes.Span) && Utf8.IsValid(bytes.Span))
        {
            return bytes.Span.Trim(" \t\r\n"u8).IsEmpty ? null : JsonDocument.Parse(bytes, options);
        }

        var text = Decode(bytes.Span, hasUtf8Bom);
        return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text, options);
    }

    /// <summary>The file's encoding by the rule above; UTF-8 is returned as a decoder that replaces damaged bytes by U+FFFD.</summary>
    public static Encoding DetectEncoding(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> bom = stackalloc byte[3];
        var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (IsUtf16(bom[..read]))
        {
            return Encoding.Unicode; // StreamReader picks the right byte order from the BOM.
        }

        var hasUtf8Bom = bom[..read].SequenceEqual(Encoding.UTF8.Preamble);
        stream.Position = hasUtf8Bom ? 3 : 0;
        return hasUtf8Bom ? Utf8Text : Choose(Utf8Census.Of(stream));
    }

    /// <summary>UTF-8 unless the file has invalid sequences and no more valid multi-byte ones (see the remarks on the class).</summary>
    internal static Encoding Choose(Utf8Census census) =>
        census.InvalidSequences == 0 || census.MultiByteSequences > census.InvalidSequences ? Utf8Text : Windows1252.Value;

    /// <summary>Text of a file already in memory (its UTF-8 BOM removed), decoded as <see cref="DetectEncoding"/> decides.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes, bool hasUtf8Bom)
    {
        if (IsUtf16(bytes))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return encoding.GetString(bytes[2..]);
        }

        return (hasUtf8Bom ? Utf8Text : Choose(Utf8Census.Of(bytes))).GetString(bytes);
    }

    private static bool IsUtf16(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
}
