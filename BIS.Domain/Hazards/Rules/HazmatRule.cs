using BIS.Domain.Feeds;
using BIS.Domain.Hazards.Erg;
using BIS.Domain.Sources;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// One flag per active hazardous-material permit: what is stored, how much and where, its NFPA 704
/// diamond and ERG guide(s). Toxic-inhalation hazards and NFPA 4 are critical.
/// </summary>
internal sealed class HazmatRule(HazardRuleOptions options, ErgGuideIndex erg) : IHazardRule
{
    private const int MaxNamesPerGuide = 2;
    private readonly HashSet<int> _foamGuides = [.. options.FoamErgGuides ?? HazardRuleDefaults.FoamErgGuides];

    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        var today = facts.Today();
        foreach (var permit in facts.HazmatPermits)
        {
            if (permit.Record.IsActive && !(permit.Record.ExpiresOn < today))
            {
                yield return Flag(permit);
            }
        }
    }

    private RaisedFlag Flag(SourceFact<HazmatPermitRecord> permit)
    {
        var record = permit.Record;
        var nfpa = Nfpa704.Create(record.NfpaHealth, record.NfpaFlammability, record.NfpaInstability, record.NfpaSpecial);
        var un = UnNumber.Normalize(record.UnNumber);
        var guides = erg.Lookup(un);
        var quantity = HazmatQuantity.From(record.Quantity, record.QuantityUnit);
        var tih = guides.Any(g => g.ToxicInhalationHazard);
        var polymerizes = guides.Any(g => g.Polymerizes);
        var large = quantity.IsLarge(options);

        var traits = new HashSet<string>(StringComparer.Ordinal);
        if ((nfpa.Flammability >= options.FoamMinFlammability && quantity.IsLiquid) || guides.Any(g => _foamGuides.Contains(g.GuideNumber)))
        {
            traits.Add(HazardTraits.FlammableLiquid);
        }

        if (tih)
        {
            traits.Add(HazardTraits.ToxicInhalation);
        }

        if (nfpa.Health >= options.DeconMinHealth)
        {
            traits.Add(HazardTraits.SevereHealth);
        }

        if (nfpa.IsWaterReactive)
        {
            traits.Add(HazardTraits.WaterReactive);
        }

        if (nfpa.Special.HasFlag(Nfpa704Special.Oxidizer))
        {
            traits.Add(HazardTraits.Oxidizer);
        }

        if (polymerizes)
        {
            traits.Add(HazardTraits.Polymerizes);
        }

        if (large)
        {
            traits.Add(HazardTraits.LargeQuantity);
        }

        var severity = Rate(nfpa, tih, polymerizes, large);
        var material = RuleText.Clip(record.Material) ?? "Unnamed material";
        var titleNotes = new List<string>();
        if (guides.Count > 0)
        {
            titleNotes.Add("ERG " + string.Join('/', guides.Select(g => g.Guide)));
        }

        if (tih)
        {
            titleNotes.Add("toxic inhalation hazard");
        }

        if (nfpa.IsWaterReactive)
        {
            titleNotes.Add("water-reactive");
        }

        var title = $"Hazmat: {material}{(quantity.Text is null ? "" : " " + quantity.Text)}"
            + (titleNotes.Count > 0 ? $" ({string.Join(", ", titleNotes)})" : string.Empty);

        var detail = RuleText.Sentences(
            $"Permit {record.PermitNumber}" + (RuleText.Clip(record.BusinessName) is { } business ? $", {business}" : string.Empty),
            $"{material}{(un is null ? string.Empty : $" (UN/NA {un})")}{(quantity.Text is null ? string.Empty : $", {quantity.Text}")}"
                + (RuleText.Clip(record.StorageLocation) is { } where ? $", stored: {where}" : string.Empty),
            nfpa.IsRated ? nfpa.ToString() : "NFPA 704 ratings not given",
            Erg(un, guides),
            tih ? Isolation(un, large) : null,
            nfpa.IsWaterReactive ? "Water-reactive (W): do not apply water" : null,
            nfpa.Special.HasFlag(Nfpa704Special.Oxidizer) ? "Oxidizer (OX): will intensify a fire" : null,
            nfpa.Special.HasFlag(Nfpa704Special.SimpleAsphyxiant) ? "Simple asphyxiant (SA): displaces oxygen in enclosed spaces" : null,
            polymerizes ? "May polymerize violently when heated or contaminated (ERG P)" : null,
            record.ExpiresOn is { } expires ? $"Permit expires {RuleText.Date(expires)}" : null);

        return new RaisedFlag(
            permit.Cite(FeedKind.HazmatPermits, HazardKinds.Hazmat, severity, title, detail),
            traits);
    }

    private Severity Rate(Nfpa704 nfpa, bool tih, bool polymerizes, bool large)
    {
        var severity = nfpa.MaxRating switch
        {
            { } max when max >= options.HazmatCriticalNfpaRating => Severity.Critical,
            { } max when max >= options.HazmatHighNfpaRating => Severity.High,
            _ => Severity.Moderate,
        };

        if (large && severity < Severity.Critical)
        {
            severity++;
        }

        if ((nfpa.IsWaterReactive || polymerizes) && severity < Severity.High)
        {
            severity = Severity.High;
        }

        return tih ? Severity.Critical : severity;
    }

    private static string? Erg(string? un, IReadOnlyList<ErgGuideMatch> guides)
    {
        if (guides.Count == 0)
        {
            return un is null ? "No UN/NA number on the permit: no ERG guide" : $"UN/NA {un} is not in the ERG index";
        }

        var described = guides.Select(g =>
        {
            var names = string.Join("; ", g.MaterialNames.Take(MaxNamesPerGuide));
            var more = g.MaterialNames.Count > MaxNamesPerGuide ? "; …" : string.Empty;
            return names.Length == 0 ? g.Guide : $"{g.Guide} ({names}{more})";
        });
        return (guides.Count == 1 ? "ERG guide " : "ERG guides ") + string.Join(", ", described);
    }

    private string? Isolation(string? un, bool large)
    {
        if (erg.FindIsolation(un) is not { } table)
        {
            return "Toxic inhalation hazard (ERG green-listed): see ERG Table 1";
        }

        var useLarge = large && !string.IsNullOrWhiteSpace(table.LargeIsolation);
        var (isolate, day, night) = useLarge
            ? (table.LargeIsolation, table.LargeProtectDay, table.LargeProtectNight)
            : (table.SmallIsolation, table.SmallProtectDay, table.SmallProtectNight);
        var spill = useLarge ? "large spill" : "small spill";
        var note = large && !useLarge && !string.IsNullOrWhiteSpace(table.Note) ? $" (large spill: {table.Note.Trim()})" : string.Empty;
        return $"ERG Table 1, {spill}: isolate {isolate}; protect downwind {day} by day, {night} at night{note}";
    }
}
