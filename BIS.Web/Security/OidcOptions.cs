namespace BIS.Web.Security;

/// <summary>
/// The "Security:Oidc" configuration section: sign people in at the fire department's identity
/// provider instead of (or besides) BIS's own accounts. Off while <see cref="Authority"/> is empty.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Security:Oidc";

    /// <summary>The authentication scheme name; also the callback paths' owner (/signin-oidc).</summary>
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer URL; its /.well-known/openid-configuration is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Optional: a public client relies on PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated, as in the OAuth scope parameter (a list would be appended to, not replaced, by configuration binding).</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The id_token claim that names the user in the audit log.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The id_token claim that carries the provider's roles (one claim per role, or a JSON array).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// The provider's claim that names a firefighter's unit ("E5"), e.g. "bis_unit". Unset: crews are bound to
    /// units only by local accounts and paired tablets, and a provider firefighter reaches no unit's messages.
    /// </summary>
    public string? UnitClaim { get; set; }

    /// <summary>Provider role → BIS role. A provider role already named like a BIS role needs no entry.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only a development provider on plain http may turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Keep the local password form next to the provider's sign-in (break-glass accounts).</summary>
    public bool KeepLocalAccounts { get; set; }

    /// <summary>Shown as "Sign in with …"; the authority's host when not set.</summary>
    public string? DisplayName { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public string ProviderName =>
        DisplayName is { Length: > 0 } name ? name
        : Uri.TryCreate(Authority, UriKind.Absolute, out var authority) ? authority.Host
        : "single sign-on";

    public IEnumerable<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
