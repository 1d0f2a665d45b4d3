namespace BIS.Web.Units;

public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>A unit that has not acknowledged its latest message within this many seconds is marked for the dispatcher to radio.</summary>
    public int AckWarningSeconds { get; set; } = 30;

    /// <summary>How long a pairing code issued by an admin can be typed on a tablet.</summary>
    public int PairingCodeMinutes { get; set; } = 10;

    /// <summary>Pairing attempts allowed per client address per minute (the code is short; guessing must be slow).</summary>
    public int PairingAttemptsPerMinute { get; set; } = 10;

    public bool IsValid => AckWarningSeconds is >= 1 and <= 3600 && PairingCodeMinutes is >= 1 and <= 60 && PairingAttemptsPerMinute is >= 1 and <= 1000;
}
