using BIS.Web.Tests.EndToEnd;

namespace BIS.Web.Tests.Steward;

/// <summary>BIS.Web on real Kestrel with its scheduler running (Run now and Accept anyway go through it) and Chromium.</summary>
public sealed class BoardServer : BrowserServer
{
    protected override bool RunScheduler => true;

    /// <summary>Where the board's screenshots go, to be looked at.</summary>
    public static string ShotDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("BIS_BOARD_SHOTS") ?? Path.Combine(BIS.TestSupport.RepoPaths.Root, "var", "screenshots", "board")).FullName;
}
