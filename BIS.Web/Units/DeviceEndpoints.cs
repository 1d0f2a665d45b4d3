using BIS.Web.Security;
using BIS.Web.Security.Audit;
using Npgsql;

namespace BIS.Web.Units;

/// <summary>Pairing tablets to units, the tablet's "who am I", and the admin's list and revocation (docs/unit-protocol.md).</summary>
public static class DeviceEndpoints
{
    public const string UnitPolicy = "unit";

    public sealed record PairRequest(string? Code, string? Name);

    public sealed record PairingCodeRequest(string? UnitId);

    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/devices/pair", async (PairRequest? request, DeviceRegistry devices, CancellationToken ct) =>
        {
            try
            {
                return await devices.PairAsync(request?.Code ?? "", request?.Name, ct) is { } device
                    ? Results.Ok(new { deviceId = device.DeviceId, unitId = device.UnitId, token = device.Token })
                    : Results.Problem("That pairing code is wrong, expired or already used. Ask for a new code.", statusCode: StatusCodes.Status400BadRequest);
            }
            catch (UnitRequestException exception)
            {
                return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        }).AllowAnonymous().RequireRateLimiting(PairingRateLimit.Name);

        endpoints.MapGet("/api/unit/me", async (HttpContext context, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            var unit = UnitHub.UnitOf(context.User)!;
            await using var command = dataSource.CreateCommand("SELECT name FROM unit WHERE unit_id = @unit");
            command.Parameters.AddWithValue("unit", unit);
            var name = await command.ExecuteScalarAsync(ct) as string;
            return name is null
                ? Results.Problem($"Unit {unit} is not on the roster.", statusCode: StatusCodes.Status404NotFound)
                : Results.Ok(new { unitId = unit, unitName = name, via = UnitDeviceAuthentication.DeviceIdOf(context.User) is null ? "account" : "device" });
        }).RequireAuthorization(UnitPolicy);

        var admin = endpoints.MapGroup("/api/devices").RequireAuthorization(policy => policy.RequireRole(BisRoles.Admin));
        admin.MapPost("/pairing-codes", async (PairingCodeRequest? request, DeviceRegistry devices, AccessAudit audit, HttpContext context, CancellationToken ct) =>
        {
            if (request?.UnitId is not { Length: > 0 } unitId)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["unitId"] = ["Name the unit the tablet will serve."] });
            }

            try
            {
                var code = await devices.IssueCodeAsync(unitId, context.User, ct);
                await audit.RecordAsync(UnitAuditActions.PairingCode, context.User, ClientOrigin.Of(context), $"unit {code.UnitId}", ct);
                return Results.Ok(code);
            }
            catch (UnitRequestException exception)
            {
                return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        admin.MapGet("/", async (DeviceRegistry devices, CancellationToken ct) => Results.Ok(await devices.ListAsync(ct)));
        admin.MapPost("/{id:long}/revoke", async (long id, DeviceRegistry devices, AccessAudit audit, HttpContext context, CancellationToken ct) =>
        {
            if (!await devices.RevokeAsync(id, context.User, ct))
            {
                return Results.Problem($"No device {id}, or it is revoked already.", statusCode: StatusCodes.Status404NotFound);
            }

            await audit.RecordAsync(UnitAuditActions.DeviceRevoked, context.User, ClientOrigin.Of(context), $"device {id}", ct);
            return Results.NoContent();
        });
        return endpoints;
    }
}

/// <summary>Audit-log actions of the unit push capability.</summary>
public static class UnitAuditActions
{
    public const string PairingCode = "device-pairing-code";
    public const string DeviceRevoked = "device-revoked";
}
