using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using BIS.Ingest.Pipeline;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// Opens a feed's text file in the encoding it was really written in: UTF-8 (with or without BOM), UTF-16
/// with BOM, or — when the bytes are not valid UTF-8 — Windows-1252, which is what Excel and older city
/// systems export.
/// </summary>
public static class FeedText
{
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

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
    /// A JSON file parsed as a document; null when it holds nothing but whitespace. A UTF-8 file (what RFC 8259
    /// asks for, and what the city publishes) is read once and parsed from its bytes: decoding 100 MB of GeoJSON
    /// into a string first, only for the parser to encode it back, cost a second of a city's load. A UTF-16 or
    /// Windows-1252 file is decoded as <see cref="Open"/> does.
    /// </summary>
    /// <exception cref="FeedRefusedException">The file is missing or has no bytes.</exception>
    /// <exception cref="JsonException">The text is not well-formed JSON.</exception>
    public static JsonDocument? ParseJson(FeedFile file, JsonDocumentOptions options)
    {
        Require(file);
        var bytes = File.ReadAllBytes(file.LocalPath).AsMemory();
        if (bytes.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (IsUtf16(bytes.Span) || !Utf8.IsValid(bytes.Span))
        {
            using var reader = Open(file);
            var text = reader.ReadToEnd();
            return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text, options);
        }

        return bytes.Span.Trim(" \t\r\n"u8).IsEmpty ? null : JsonDocument.Parse(bytes, options);
    }

    /// <summary>UTF-8 unless the file has a UTF-16 BOM or holds bytes that are not valid UTF-8.</summary>
    public static Encoding DetectEncoding(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> bom = stackalloc byte[3];
        var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (IsUtf16(bom[..read]))
        {
            return Encoding.Unicode; // StreamReader picks the right byte order from the BOM.
        }

        stream.Position = read == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF ? 3 : 0;
        return IsValidUtf8(stream) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Windows1252.Value;
    }

    private static bool IsUtf16(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));

    private static bool IsValidUtf8(Stream stream)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        try
        {
            int count;
            while ((count = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, count, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
