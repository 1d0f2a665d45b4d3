using System.Security.Claims;

namespace BIS.Web.Security;

/// <summary>
/// Turns the provider's id_token claims into the same small principal a local account gets: a name for
/// the audit log and BIS role claims. Provider roles with no BIS meaning are dropped, so a user with
/// none signs in but may open nothing that needs a role.
/// </summary>
public static class OidcUserMapping
{
    public static ClaimsPrincipal BisPrincipalOf(ClaimsPrincipal provider, OidcOptions options, string authenticationType)
    {
        var subject = provider.FindFirst("sub")?.Value ?? throw new InvalidOperationException("The provider's id_token has no 'sub' claim.");
        var username = provider.FindFirst(options.NameClaim)?.Value is { Length: > 0 } named ? named : subject;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, subject),
            new(ClaimTypes.Name, username),
            new("name", provider.FindFirst("name")?.Value ?? username),
        };
        claims.AddRange(provider.FindAll(options.RoleClaim)
            .Select(claim => BisRoleOf(claim.Value, options))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(role => new Claim(ClaimTypes.Role, role)));
        if (UnitOf(provider, options) is { } unit && claims.Any(c => c is { Type: ClaimTypes.Role, Value: BisRoles.Firefighter }))
        {
            claims.Add(new Claim(BisRoles.UnitClaim, unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>
    /// The unit named by <see cref="OidcOptions.UnitClaim"/>, in the roster's form (upper case, 1-16 letters, digits
    /// or '-'); anything else is dropped rather than trusted, so a malformed claim binds the user to no unit.
    /// </summary>
    public static string? UnitOf(ClaimsPrincipal provider, OidcOptions options) =>
        options.UnitClaim is { Length: > 0 } type
        && provider.FindFirst(type)?.Value.Trim().ToUpperInvariant() is { Length: >= 1 and <= 16 } unit
        && unit.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? unit
            : null;

    /// <summary>The mapped BIS role; an unmapped provider role that is itself a BIS role's name; otherwise null.</summary>
    public static string? BisRoleOf(string providerRole, OidcOptions options) =>
        options.RoleMap.FirstOrDefault(entry => string.Equals(entry.Key, providerRole, StringComparison.OrdinalIgnoreCase)).Value
        ?? (BisRoles.People.Contains(providerRole) ? providerRole : null);
}
