using System.Text.Json.Nodes;
using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Web.Lookup;

namespace BIS.Web.Tests.Dispatch;

/// <summary>Building summaries as the lookup returns them, built by hand so each card test controls every field.</summary>
internal static class CardSamples
{
    public static HazardFlag Flag(string kind, Severity severity, string title, string recordId, FeedKind feed = FeedKind.Violations, string? detail = null) => new()
    {
        Kind = kind,
        Severity = severity,
        Title = title,
        Detail = detail ?? $"{title} (detail)",
        Feed = feed,
        SourceName = $"{feed} source",
        SourceRecordId = recordId,
        AsOf = DateTimeOffset.UtcNow.AddDays(-3),
    };

    public static BuildingSummary Summary(IEnumerable<FlagView>? flags = null, string owner = "PEDRO LOPEZ LLC", IReadOnlyList<HydrantView>? hydrants = null) => new()
    {
        BuildingId = 7,
        ParcelId = "0102280000",
        Address = "302 SUMNER ST, EAST BOSTON 02128",
        Aliases = ["300-304 SUMNER ST, EAST BOSTON 02128"],
        Parcel = new JsonObject
        {
            ["owner"] = owner,
            ["ownerContact"] = "1 MAIN ST, BOSTON MA",
            ["landUseDescription"] = "THREE-FAM DWELLING",
            ["structureClass"] = "R",
            ["floors"] = 3,
            ["yearBuilt"] = 1900,
            ["units"] = 3,
        },
        MaxSeverity = flags?.Select(f => f.Flag.Severity).DefaultIfEmpty().Max() ?? Severity.None,
        Flags = flags?.ToList() ?? [],
        Recommendations = [],
        NearestHydrants = hydrants ?? [],
        Feeds = [],
    };
}
