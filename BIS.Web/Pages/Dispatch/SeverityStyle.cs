using BIS.Domain.Hazards;

namespace BIS.Web.Pages.Dispatch;

/// <summary>Every severity is shown as icon + word + colour together, so nothing depends on colour alone.</summary>
public static class SeverityStyle
{
    public static string Icon(Severity severity) => severity switch
    {
        Severity.Critical => "⬣",
        Severity.High => "▲",
        Severity.Moderate => "◆",
        Severity.Info => "ℹ",
        _ => "○",
    };

    public static string Word(Severity severity) => severity switch
    {
        Severity.Critical => "Critical",
        Severity.High => "High",
        Severity.Moderate => "Moderate",
        Severity.Info => "Info",
        _ => "No flags",
    };

    public static string Css(Severity severity) => "sev-" + severity.ToString().ToLowerInvariant();
}
