using BIS.Web.Security.Sessions;
using BIS.Web.Security.SignIn;

namespace BIS.Web.Security;

/// <summary>The "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Create one account per role (and a CAD key) for the sample city, writing the credentials to this file.</summary>
    public string? SampleAccountsFile { get; set; }

    /// <summary>How long a sign-in lasts without activity; a dispatch console stays signed in for a shift.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a sign-in lasts at most, however active: a shift. Then the user signs in again.</summary>
    public TimeSpan SessionAbsolute { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How soon a disabled account or a changed role reaches a signed-in cookie and an open console: the
    /// account is re-read at most this often per node for cookies, and every this often for each console.
    /// </summary>
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Cookies only over https, whatever the request says (behind a TLS proxy the forwarded scheme already makes them Secure).</summary>
    public bool SecureCookiesOnly { get; set; }

    public SignInOptions SignIn { get; set; } = new();

    public ProxyOptions ForwardedHeaders { get; set; } = new();
}
