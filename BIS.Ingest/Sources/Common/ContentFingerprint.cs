using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// What a row's content is compared by when its record id repeats. The batch keeps one per staged record
/// for the whole run, so it holds 16 bytes of SHA-256 rather than the joined text (hundreds of MB on a
/// large export); at 128 bits two different rows colliding is not a practical concern.
/// </summary>
public readonly record struct ContentFingerprint(ulong High, ulong Low)
{
    /// <summary>The fingerprint of <paramref name="content"/>, hashed as its UTF-16 code units so that no two distinct strings are merged by encoding.</summary>
    public static ContentFingerprint Of(string content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(content.AsSpan()), hash);
        return new ContentFingerprint(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
    }
}
