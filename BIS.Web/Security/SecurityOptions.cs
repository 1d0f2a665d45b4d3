namespace BIS.Web.Security;

/// <summary>The "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Create one account per role (and a CAD key) for the sample city, writing the credentials to this file.</summary>
    public string? SampleAccountsFile { get; set; }

    /// <summary>How long a sign-in lasts without activity; a dispatch console stays signed in for a shift.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(12);
}
