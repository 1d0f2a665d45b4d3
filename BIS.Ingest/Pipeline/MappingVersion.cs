using BIS.Domain.Addresses;
using BIS.Domain.Geo;
using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// What a reader's output depends on besides the row itself: the code that maps it (readers here,
/// normalizer and rules in BIS.Domain), the service area the coordinates are checked against and the
/// length free text is cut at. A new build or another setting changes it, so every row is mapped again
/// once rather than kept as an older build mapped it. Builds are deterministic: the same source gives the same ids.
/// </summary>
public static class MappingVersion
{
    public static string Of(IFeedReader reader, ServiceArea serviceArea, FieldBounds bounds) => string.Join(
        '|',
        reader.GetType().Assembly.ManifestModule.ModuleVersionId,
        typeof(AddressNormalizer).Assembly.ManifestModule.ModuleVersionId,
        serviceArea,
        bounds);
}
