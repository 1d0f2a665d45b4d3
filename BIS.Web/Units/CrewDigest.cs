using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BIS.Web.Units;

/// <summary>
/// What a crew needs of a building summary (flags with severity and staleness, recommendations, in-service
/// hydrants and their flow), reduced so that two summaries can be compared: its hash says whether a
/// changed message is due, its difference says what to tell the crew. Read from the summary's JSON, the
/// same for a summary just read and one stored in an earlier message.
/// </summary>
public sealed class CrewDigest
{
    private const int Critical = 4;

    private static readonly string[] Severities = ["none", "info", "moderate", "high", "critical"];

    private CrewDigest(IReadOnlyList<Flag> flags, IReadOnlyList<Recommendation> recommendations, IReadOnlyList<Hydrant> hydrants)
    {
        Flags = flags;
        Recommendations = recommendations;
        Hydrants = hydrants;
    }

    public IReadOnlyList<Flag> Flags { get; }
    public IReadOnlyList<Recommendation> Recommendations { get; }
    public IReadOnlyList<Hydrant> Hydrants { get; }

    public static readonly CrewDigest Empty = new([], [], []);

    public static CrewDigest Of(JsonElement summary)
    {
        if (summary.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var flags = Items(summary, "flags").Select(f =>
        {
            var flag = f.TryGetProperty("flag", out var inner) ? inner : f;
            return new Flag(Text(flag, "kind") + "|" + Text(flag, "sourceRecordId"), Text(flag, "title"), SeverityOf(flag), Bool(f, "stale"));
        }).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var recommendations = Items(summary, "recommendations")
            .Select(r => new Recommendation(Text(r, "code"), Text(r, "name"), string.Join(" / ", Items(r, "reasons").Select(x => x.ToString()))))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var hydrants = Items(summary, "nearestHydrants")
            .Select(h => new Hydrant(Text(h, "hydrantId"), Bool(h, "inService"), h.TryGetProperty("flowGpm", out var gpm) && gpm.ValueKind == JsonValueKind.Number ? gpm.GetInt32() : null))
            .OrderBy(h => h.HydrantId, StringComparer.Ordinal).ToList();
        return new CrewDigest(flags, recommendations, hydrants);
    }

    public byte[] Hash()
    {
        var text = new StringBuilder();
        foreach (var f in Flags)
        {
            text.Append("F\u001f").Append(f.Key).Append('\u001f').Append(f.Title).Append('\u001f').Append(f.Severity).Append('\u001f').Append(f.Stale).Append('\u001e');
        }

        foreach (var r in Recommendations)
        {
            text.Append("R\u001f").Append(r.Code).Append('\u001f').Append(r.Name).Append('\u001f').Append(r.Reasons).Append('\u001e');
        }

        foreach (var h in Hydrants)
        {
            text.Append("H\u001f").Append(h.HydrantId).Append('\u001f').Append(h.InService).Append('\u001f').Append(h.FlowGpm).Append('\u001e');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>What changed from <paramref name="before"/> to this, for the crew: new critical flags first, then by severity.</summary>
    public IReadOnlyList<string> ChangesSince(CrewDigest before)
    {
        var changes = new List<(int Rank, string Text)>();
        var old = before.Flags.ToDictionary(f => f.Key);
        foreach (var flag in Flags)
        {
            if (!old.Remove(flag.Key, out var was))
            {
                changes.Add((flag.Severity == Critical ? 100 : 50 + flag.Severity, $"New {Severities[flag.Severity]}: {flag.Title}"));
            }
            else if (was.Severity != flag.Severity)
            {
                changes.Add((40 + flag.Severity, $"{flag.Title}: now {Severities[flag.Severity]} (was {Severities[was.Severity]})"));
            }
            else if (was.Stale != flag.Stale)
            {
                changes.Add((30 + flag.Severity, flag.Stale ? $"{flag.Title}: data now stale" : $"{flag.Title}: data current again"));
            }
            else if (was.Title != flag.Title)
            {
                changes.Add((30 + flag.Severity, $"Updated: {flag.Title}"));
            }
        }

        changes.AddRange(old.Values.Select(f => (20 + f.Severity, $"Cleared: {f.Title}")));

        var oldRecommendations = before.Recommendations.ToDictionary(r => r.Code);
        foreach (var recommendation in Recommendations)
        {
            if (!oldRecommendations.Remove(recommendation.Code, out var was))
            {
                changes.Add((15, $"Bring: {recommendation.Name}"));
            }
            else if (was != recommendation)
            {
                changes.Add((14, $"{recommendation.Name}: {recommendation.Reasons}"));
            }
        }

        changes.AddRange(oldRecommendations.Values.Select(r => (13, $"No longer recommended: {r.Name}")));

        var oldHydrants = before.Hydrants.ToDictionary(h => h.HydrantId);
        foreach (var hydrant in Hydrants)
        {
            if (!oldHydrants.Remove(hydrant.HydrantId, out var was))
            {
                changes.Add((11, $"Hydrant {hydrant.HydrantId} now among the nearest{(hydrant.InService ? "" : " (out of service)")}"));
            }
            else if (was.InService != hydrant.InService)
            {
                changes.Add((12, hydrant.InService ? $"Hydrant {hydrant.HydrantId} back in service" : $"Hydrant {hydrant.HydrantId} out of service"));
            }
            else if (was.FlowGpm != hydrant.FlowGpm)
            {
                changes.Add((10, $"Hydrant {hydrant.HydrantId} flow now {hydrant.FlowGpm?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} gpm"));
            }
        }

        changes.AddRange(oldHydrants.Values.Select(h => (10, $"Hydrant {h.HydrantId} no longer among the nearest")));
        return changes.OrderByDescending(c => c.Rank).Select(c => c.Text).ToList();
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.ToString() : "";

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>Severities are served by name ("critical"); a number is accepted too.</summary>
    private static int SeverityOf(JsonElement flag)
    {
        if (!flag.TryGetProperty("severity", out var value))
        {
            return 0;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return Math.Clamp(value.GetInt32(), 0, Critical);
        }

        var index = Array.IndexOf(Severities, value.GetString());
        return index < 0 ? 0 : index;
    }

    public sealed record Flag(string Key, string Title, int Severity, bool Stale);

    public sealed record Recommendation(string Code, string Name, string Reasons);

    public sealed record Hydrant(string HydrantId, bool InService, int? FlowGpm);
}
