namespace BIS.Web.Security.Headers;

/// <summary>The "Security:Headers" configuration section. The policy itself is fixed; only what a deployment must decide is here.</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "Security:Headers";

    /// <summary>
    /// How long a browser keeps to HTTPS after one HTTPS answer (Strict-Transport-Security, sent on HTTPS requests
    /// only and never in Development); zero sends none. A year, as browsers' preload lists expect.
    /// </summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Extend HSTS to every subdomain of BIS's host name; off because those may be other departments' sites.</summary>
    public bool HstsIncludeSubDomains { get; set; }
}
