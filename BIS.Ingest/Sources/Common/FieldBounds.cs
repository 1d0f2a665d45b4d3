using System.Globalization;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// How long a source value may be. A multi-megabyte cell (a pasted document, an unclosed quote that swallowed
/// the lines after it) must not travel whole into the record and onto a dispatcher's hazard card:
/// <list type="bullet">
/// <item>free text (<see cref="FieldKind.Text"/>) past <see cref="MaxTextLength"/> is cut there, and the record
/// carries a warning saying how long it was — the first thousands of characters tell a crew what the rest would;</item>
/// <item>identifiers, addresses and codes have bounds no real value comes near: one past its bound is damage,
/// and the row is rejected with the reason rather than keyed, linked or shown by a fragment of it.</item>
/// </list>
/// The bounds also keep every key BIS indexes (record ids, streets) well under PostgreSQL's limit of about
/// 2,700 bytes for a B-tree entry, past which an insert fails and with it the whole load.
/// </summary>
public sealed class FieldBounds
{
    public const int DefaultMaxTextLength = 8_000;

    /// <summary>
    /// The longest ids in the real samples (Boston case, permit, appeal, parcel and SAM ids; NYC BBLs, BINs and
    /// DOB numbers) have 14 characters; 200 leaves room for any city's scheme and for ids composed of two parts.
    /// </summary>
    public const int MaxIdentifierLength = 200;

    /// <summary>
    /// The longest address fields in the real samples have 50 characters (a ZBA address with city and ZIP
    /// embedded) and 64 (a 311 intersection); a whole street address is written in well under 200.
    /// </summary>
    public const int MaxAddressLength = 500;

    /// <summary>
    /// The longest code-like values in the real samples have 30 characters in Boston ("Art. 15 Adopts Chp. 110.1 2[c]")
    /// and 61 in NYC (a DOB violation type with its description attached); NFIRS codes with their descriptions
    /// ("111 - Building fire") stay under 70.
    /// </summary>
    public const int MaxCodeLength = 100;

    public FieldBounds(int maxTextLength = DefaultMaxTextLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextLength, 1);
        MaxTextLength = maxTextLength;
    }

    public static FieldBounds Default { get; } = new();

    /// <summary>Free text longer than this many characters (UTF-16 code units) is cut to it.</summary>
    public int MaxTextLength { get; }

    /// <summary>The bound of an identifier, address or code.</summary>
    public static int MaxLength(FieldKind kind) => kind switch
    {
        FieldKind.Identifier => MaxIdentifierLength,
        FieldKind.Address => MaxAddressLength,
        FieldKind.Code => MaxCodeLength,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only identifiers, addresses and codes have a fixed bound."),
    };

    /// <summary>Why a row whose <paramref name="field"/> of <paramref name="kind"/> has <paramref name="length"/> characters is rejected.</summary>
    public static string TooLong(string field, int length, FieldKind kind) => string.Create(
        CultureInfo.InvariantCulture,
        $"{field}: {length:N0} characters, more than the {MaxLength(kind):N0} {kind switch { FieldKind.Identifier => "an identifier", FieldKind.Address => "an address field", _ => "a code" }} can have");

    /// <summary>The warning on a record whose free text <paramref name="field"/> had <paramref name="length"/> characters.</summary>
    public string Cut(string field, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"{field}: {length:N0} characters, cut to {MaxTextLength:N0}");

    /// <summary>
    /// The first <paramref name="length"/> characters of <paramref name="text"/>, one fewer when that would split a
    /// surrogate pair: half of one is not Unicode, and PostgreSQL would refuse the text.
    /// </summary>
    public static string Prefix(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end];
    }

    /// <summary>Part of the mapping version: another bound maps every row again (<see cref="Pipeline.MappingVersion"/>).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"MaxTextLength={MaxTextLength}");
}
