using System.ComponentModel.DataAnnotations;
using BIS.Ingest.Feeds;
using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Sources;

/// <summary>
/// How long free text from a feed may be before it is cut with a warning on the record (<see cref="FieldBounds"/>):
/// configuration "Ingest:MaxTextLength", 8,000 characters by default. It sits in the Ingest section beside the
/// pipeline's settings (<see cref="IngestOptions"/>) but is bound here, with the readers that use it, because the
/// readers are also registered without the pipeline (<see cref="FeedReaders.AddFeedReaders"/>).
/// </summary>
public sealed class FieldBoundsOptions
{
    public const string Section = IngestOptions.Section;

    /// <summary>
    /// Not below 100, the bound of a code: a description cut shorter than a status would say little. Not above a
    /// million: past that the bound no longer keeps a pasted document off the hazard card.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxTextLength { get; set; } = FieldBounds.DefaultMaxTextLength;

    public FieldBounds ToFieldBounds() => new(MaxTextLength);
}
