using BIS.Domain.Feeds;
using BIS.Domain.Sources;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Fire protection from the newest pre-incident plan: no sprinklers (moderate), partial coverage
/// (info), and where to find the standpipe, FDC, Knox box and alarm panel (info: not hazards, but
/// the first things the first-due company looks for). Unknown sprinkler status says nothing.
/// </summary>
internal sealed class FireProtectionRule : IHazardRule
{
    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        var sprinkler = facts.Newest<SprinklerCoverage>(r => r.Sprinkler == SprinklerCoverage.Unknown ? null : r.Sprinkler);
        if (sprinkler is ({ } plan, SprinklerCoverage.None))
        {
            yield return plan.Cite(
                FeedKind.Inspections, HazardKinds.NoSprinkler, Severity.Moderate,
                "No sprinkler system",
                RuleText.Sentences(plan.Describe(), "Not sprinklered: expect fire growth unchecked until companies arrive"));
        }
        else if (sprinkler is ({ } partial, SprinklerCoverage.Partial))
        {
            yield return partial.Cite(
                FeedKind.Inspections, HazardKinds.PartialSprinkler, Severity.Info,
                "Partial sprinkler coverage",
                RuleText.Sentences(partial.Describe(), "Sprinklers cover only part of the building"));
        }

        var fdc = facts.NewestText(r => r.FdcLocation);
        if (facts.Newest(r => r.Standpipe) is ({ } standpipe, true))
        {
            yield return standpipe.Cite(
                FeedKind.Inspections, HazardKinds.Standpipe, Severity.Info,
                "Standpipe system",
                RuleText.Sentences(standpipe.Describe(), fdc is { } f ? $"Standpipe present; FDC: {f.Value}" : "Standpipe present"));
        }

        if (fdc is ({ } fdcPlan, var fdcLocation))
        {
            yield return fdcPlan.Cite(
                FeedKind.Inspections, HazardKinds.Fdc, Severity.Info,
                $"FDC: {fdcLocation}",
                RuleText.Sentences(fdcPlan.Describe(), $"Fire department connection: {fdcLocation}"));
        }

        if (facts.NewestText(r => r.KnoxBoxLocation) is ({ } knoxPlan, var knox))
        {
            yield return knoxPlan.Cite(
                FeedKind.Inspections, HazardKinds.KnoxBox, Severity.Info,
                $"Knox box: {knox}",
                RuleText.Sentences(knoxPlan.Describe(), $"Key box: {knox}"));
        }

        if (facts.NewestText(r => r.AlarmPanelLocation) is ({ } panelPlan, var panel))
        {
            yield return panelPlan.Cite(
                FeedKind.Inspections, HazardKinds.AlarmPanel, Severity.Info,
                $"Alarm panel: {panel}",
                RuleText.Sentences(panelPlan.Describe(), $"Fire alarm control panel: {panel}"));
        }
    }
}
