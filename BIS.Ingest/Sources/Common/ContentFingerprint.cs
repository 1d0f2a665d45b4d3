using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// A compact stand-in for a row's content when telling repeated rows apart: 128 bits of XxHash128
/// over the trimmed fields, so a run does not keep every row's text just to compare it once. Fast and
/// non-cryptographic on purpose: the input is the publisher's file, compared with itself, and with the
/// row fingerprints of its own last load (<see cref="Pipeline.KnownRecords"/>). A publisher able to forge
/// a collision could hide a changed row until the next build; the publisher is trusted with the data anyway.
/// </summary>
public readonly record struct ContentFingerprint(ulong High, ulong Low)
{
    private static readonly char[] Separator = ['\u001f'];

    /// <summary>The fingerprint of a string, hashed as its UTF-16 code units.</summary>
    public static ContentFingerprint Of(string content) => Of([content], trim: false);

    /// <summary>The fingerprint of fields, each trimmed, in order; separated so ("ab","c") ≠ ("a","bc").</summary>
    public static ContentFingerprint Of(IReadOnlyList<string> fields, bool trim = true)
    {
        var hash = new XxHash128();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                hash.Append(MemoryMarshal.AsBytes(Separator.AsSpan()));
            }

            var field = trim ? fields[i].AsSpan().Trim() : fields[i].AsSpan();
            hash.Append(MemoryMarshal.AsBytes(field));
        }

        return From(hash);
    }

    /// <summary>The fingerprint of fields exactly as written (untrimmed), after <paramref name="salt"/>.</summary>
    public static ContentFingerprint Of(ContentFingerprint salt, IReadOnlyList<string> fields)
    {
        var hash = new XxHash128();
        Span<byte> prefix = stackalloc byte[16];
        salt.WriteTo(prefix);
        hash.Append(prefix);
        for (var i = 0; i < fields.Count; i++)
        {
            hash.Append(MemoryMarshal.AsBytes(Separator.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(fields[i].AsSpan()));
        }

        return From(hash);
    }

    /// <summary>The 16 bytes as stored in the database.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[16];
        WriteTo(bytes);
        return bytes;
    }

    public static ContentFingerprint FromBytes(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    private void WriteTo(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
    }

    private static ContentFingerprint From(XxHash128 hash)
    {
        var value = hash.GetCurrentHashAsUInt128();
        return new ContentFingerprint((ulong)(value >> 64), (ulong)value);
    }
}
