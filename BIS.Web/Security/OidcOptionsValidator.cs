using Microsoft.Extensions.Options;

namespace BIS.Web.Security;

/// <summary>
/// Refuses to start with an OpenID Connect set-up that could only fail at the first sign-in, naming the
/// setting to fix.
/// </summary>
public sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled)
        {
            CheckProvider(options, errors);
        }
        else if (!string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add($"{OidcOptions.Section}:ClientId is set but {OidcOptions.Section}:Authority is not: set the provider's issuer URL, or remove the section to use local accounts.");
        }

        foreach (var (providerRole, bisRole) in options.RoleMap)
        {
            if (!BisRoles.People.Contains(bisRole))
            {
                errors.Add($"{OidcOptions.Section}:RoleMap:{providerRole} maps to '{bisRole}', which is not a BIS role ({string.Join(", ", BisRoles.People)}).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckProvider(OidcOptions options, List<string> errors)
    {
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            errors.Add($"{OidcOptions.Section}:Authority must be an absolute http(s) URI such as https://login.example.org/realms/fire, not '{options.Authority}'.");
        }
        else if (options.RequireHttpsMetadata && authority.Scheme != "https")
        {
            errors.Add($"{OidcOptions.Section}:Authority '{options.Authority}' is not https; set {OidcOptions.Section}:RequireHttpsMetadata to false only for a development provider.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add($"{OidcOptions.Section}:ClientId is required when {OidcOptions.Section}:Authority is set.");
        }

        if (!options.ScopeList.Contains("openid"))
        {
            errors.Add($"{OidcOptions.Section}:Scopes must include 'openid' (it is '{options.Scopes}').");
        }

        if (string.IsNullOrWhiteSpace(options.NameClaim) || string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            errors.Add($"{OidcOptions.Section}:NameClaim and {OidcOptions.Section}:RoleClaim may not be empty.");
        }
    }
}
