using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// What a UTF-8 decoder would make of a file, counted in one pass without decoding it: how many valid
/// multi-byte sequences (non-ASCII characters) it holds and how many invalid sequences (each of which
/// the decoder replaces by one U+FFFD). <see cref="FeedText"/> decides the file's encoding from the two.
/// </summary>
/// <remarks>
/// A valid stretch (every chunk of a valid file) is validated and counted with vector instructions, about as
/// fast as the validation alone was; only a chunk with invalid bytes is walked one non-ASCII character at a time.
/// </remarks>
internal struct Utf8Census
{
    private const int ChunkSize = 1 << 16;

    /// <summary>Valid UTF-8 sequences of two to four bytes.</summary>
    public long MultiByteSequences { get; private set; }

    /// <summary>Maximal invalid subparts, as the decoder counts them: one U+FFFD each.</summary>
    public long InvalidSequences { get; private set; }

    public static Utf8Census Of(ReadOnlySpan<byte> bytes)
    {
        var census = default(Utf8Census);
        census.Add(bytes, final: true);
        return census;
    }

    /// <summary>Counts the stream from its position to its end, in chunks; a character split between chunks is counted once.</summary>
    public static Utf8Census Of(Stream stream)
    {
        var census = default(Utf8Census);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var filled = 0;
            while (true)
            {
                var read = stream.Read(buffer, filled, ChunkSize - filled);
                filled += read;
                var used = census.Add(buffer.AsSpan(0, filled), final: read == 0);
                if (read == 0)
                {
                    return census;
                }

                // At most three bytes of a character that continues in the next chunk.
                buffer.AsSpan(used, filled - used).CopyTo(buffer);
                filled -= used;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Counts <paramref name="bytes"/>; returns how many were counted — all of them, except (when not
    /// <paramref name="final"/>) a character cut off at the end, which the caller hands in again with what follows.
    /// </summary>
    private int Add(ReadOnlySpan<byte> bytes, bool final)
    {
        // Fast path, taken by every chunk of a valid file: validated and counted with vector instructions.
        var whole = final ? bytes.Length : WholeCharacters(bytes);
        if (Utf8.IsValid(bytes[..whole]))
        {
            MultiByteSequences += LeadBytes(bytes[..whole]);
            return whole;
        }

        var at = 0;
        while (true)
        {
            var nonAscii = bytes[at..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
            {
                return bytes.Length;
            }

            at += nonAscii;
            switch (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed))
            {
                case OperationStatus.Done:
                    MultiByteSequences++;
                    break;
                case OperationStatus.NeedMoreData when !final:
                    return at;
                default:
                    // Invalid, or cut off by the end of the file: either way one U+FFFD.
                    InvalidSequences++;
                    break;
            }

            at += consumed;
        }
    }

    /// <summary>The length of <paramref name="bytes"/> without a character cut off at the end (at most three bytes).</summary>
    private static int WholeCharacters(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if (b < 0x80)
            {
                return bytes.Length;
            }

            if (b >= 0xC0)
            {
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return length > back ? bytes.Length - back : bytes.Length;
            }
        }

        return bytes.Length;
    }

    /// <summary>In valid UTF-8 every multi-byte sequence starts with one byte ≥ 0xC0 and no other byte is one.</summary>
    private static long LeadBytes(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (at < 0)
        {
            return 0;
        }

        long count = 0;
        var continuationMax = Vector128.Create((byte)0xBF);
        for (; at <= bytes.Length - Vector128<byte>.Count; at += Vector128<byte>.Count)
        {
            var leads = Vector128.GreaterThan(Vector128.Create(bytes.Slice(at, Vector128<byte>.Count)), continuationMax);
            count += BitOperations.PopCount(leads.ExtractMostSignificantBits());
        }

        for (; at < bytes.Length; at++)
        {
            count += bytes[at] >= 0xC0 ? 1 : 0;
        }

        return count;
    }
}
