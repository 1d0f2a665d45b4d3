using System.Security.Claims;
using System.Text.Encodings.Web;
using BIS.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BIS.Web.Units;

/// <summary>
/// A paired tablet authenticates with its device token: <c>Authorization: Bearer …</c>, or
/// <c>?access_token=…</c> on the unit hub only (a browser cannot set headers on a WebSocket). The
/// principal is a firefighter bound to the device's unit, with the device id (so a revocation can find
/// its connections).
/// </summary>
public sealed class UnitDeviceAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DeviceRegistry devices)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "UnitDevice";
    public const string DeviceClaim = "bis:device";
    private const int MaxTokenLength = 128;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length is 0 or > MaxTokenLength)
        {
            return AuthenticateResult.Fail("Malformed device token.");
        }

        if (await devices.AuthenticateAsync(token, Context.RequestAborted) is not { } device)
        {
            return AuthenticateResult.Fail("Unknown or revoked device token.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"device:{device.DeviceId}:{device.UnitId}"),
                new Claim(ClaimTypes.Role, BisRoles.Firefighter),
                new Claim(BisRoles.UnitClaim, device.UnitId),
                new Claim(DeviceClaim, device.DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Whether the request carries a device token (the default scheme forwards such requests here).</summary>
    public static bool Carries(HttpRequest request) => TokenOf(request) is not null;

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments(UnitHub.Path) && request.Query.TryGetValue("access_token", out var query) ? query.ToString() : null;
    }

    /// <summary>The device id of a principal this scheme made; null for a person signed in with a cookie.</summary>
    public static long? DeviceIdOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(DeviceClaim)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
