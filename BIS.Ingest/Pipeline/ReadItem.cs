using System.Globalization;
using BIS.Domain.Addresses;
using BIS.Ingest.Sources.Common;
using NetTopologySuite.Geometries;

namespace BIS.Ingest.Pipeline;

/// <summary>What a feed reader yields for each input row: a record to stage, or a row it rejected.</summary>
public abstract record ReadItem
{
    /// <summary>1-based line where the row starts (header = 1); for JSON, the 1-based item index.</summary>
    public required long LineNumber { get; init; }
}

/// <summary>
/// A row rejected by validation, kept for the data steward with the reason and the raw text. Both are kept
/// to a length that identifies the row (<see cref="MaxRawTextLength"/>, <see cref="MaxReasonLength"/>), with a
/// marker where they were cut: a multi-megabyte row, repeated run after run, must not fill the ledger, and the
/// whole row is in the source file at its line.
/// </summary>
public sealed record RejectedRow : ReadItem
{
    /// <summary>Enough for any real row whole, free text at its default bound included.</summary>
    public const int MaxRawTextLength = 16_000;

    /// <summary>Reasons are a sentence; one that quotes a hostile value is cut.</summary>
    public const int MaxReasonLength = 1_000;

    public required string Reason { get; init => field = Cut(value, MaxReasonLength); }

    public required string RawText { get; init => field = Kept(value); }

    /// <summary>What is kept of a rejected row's raw text: the text, or its start and how long it was.</summary>
    public static string Kept(string rawText) => Cut(rawText, MaxRawTextLength);

    /// <summary>
    /// The record the row was for, when its id could be read. A current record with that id is not deleted
    /// as absent from the input: its last good version stays until a good row replaces it or the id goes.
    /// </summary>
    public string? RecordId { get; init; }

    private static string Cut(string text, int length) =>
        text.Length <= length
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{FieldBounds.Prefix(text, length)}…(cut: {text.Length:N0} characters in all)");
}

/// <summary>
/// A row exactly as it was when its record was last loaded and linked (<see cref="KnownRecords"/>): it was
/// not mapped again, and the record stays as it is. It still counts as read and accepted, and its id as present.
/// </summary>
public sealed record UnchangedRow : ReadItem
{
    public required string RecordId { get; init; }
}

/// <summary>A valid source row, mapped to its domain record plus everything entity resolution needs.</summary>
public sealed record StagedRecord : ReadItem
{
    /// <summary>The source's own id for the record, unique within the feed.</summary>
    public required string RecordId { get; init; }
    /// <summary>One of the BIS.Domain.Sources records (ParcelRecord, ViolationRecord, …).</summary>
    public required object Attributes { get; init; }
    /// <summary>10-character assessing parcel id when the source carries one.</summary>
    public string? ParcelId { get; init; }
    /// <summary>City address id (Boston SAM id) when the source carries one, normalized ("16298.0" → "16298").</summary>
    public string? AddressId { get; init; }
    /// <summary>The address as the source wrote it, for display and the steward.</summary>
    public string? AddressText { get; init; }
    public NormalizedAddress? Address { get; init; }
    /// <summary>WGS84 point after cleaning (placeholder, swap and State Plane handled); null when unusable.</summary>
    public Point? Location { get; init; }
    /// <summary>Assessing only: the parcel polygon (WGS84, SRID 4326).</summary>
    public Geometry? ParcelShape { get; init; }
    /// <summary>Assessing only: the building footprint(s) on the parcel (WGS84, SRID 4326).</summary>
    public Geometry? Footprint { get; init; }
    /// <summary>The fingerprint of the source row it was mapped from; null when the feed does not remember rows.</summary>
    public ContentFingerprint? RowFingerprint { get; init; }
    /// <summary>Values the source row had that could not be used (the fields are unknown); null when none.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
    /// <summary>When the source says the record was true (status date, inspection date…); null when unknown.</summary>
    public DateTimeOffset? AsOf { get; init; }
}
