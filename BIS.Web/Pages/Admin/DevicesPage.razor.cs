using BIS.Web.Incidents;
using BIS.Web.Security.Audit;
using BIS.Web.Units;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BIS.Web.Pages.Admin;

/// <summary>
/// Tablets bound to units: issue a pairing code (shown big, with its expiry, to be typed on the tablet), list the
/// paired devices, revoke one. Every code issued and every revocation is written to the audit log, as the
/// device API does.
/// </summary>
public partial class DevicesPage
{
    [Inject] private DeviceRegistry Devices { get; set; } = default!;
    [Inject] private IncidentBook Book { get; set; } = default!;
    [Inject] private AccessAudit Audit { get; set; } = default!;
    [Inject] private CircuitOrigin Client { get; set; } = default!;
    [Inject] private ILogger<DevicesPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private IReadOnlyList<Unit> _units = [];
    private IReadOnlyList<UnitDevice> _devices = [];
    private string? _unitId;
    private PairingCode? _code;
    private long? _confirming;
    private bool _busy;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        _units = await Book.UnitsAsync(CancellationToken.None);
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _devices = await Devices.ListAsync(CancellationToken.None);

    private async Task IssueAsync()
    {
        if (_unitId is not { Length: > 0 } unitId)
        {
            return;
        }

        await RunAsync(async user =>
        {
            _code = await Devices.IssueCodeAsync(unitId, user, CancellationToken.None);
            await Audit.RecordAsync(UnitAuditActions.PairingCode, user, Client.Origin, $"unit {_code.UnitId}", CancellationToken.None);
        });
    }

    private async Task RevokeAsync(UnitDevice device)
    {
        await RunAsync(async user =>
        {
            if (await Devices.RevokeAsync(device.DeviceId, user, CancellationToken.None))
            {
                await Audit.RecordAsync(UnitAuditActions.DeviceRevoked, user, Client.Origin, $"device {device.DeviceId}", CancellationToken.None);
            }

            _confirming = null;
            await ReloadAsync();
        });
    }

    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action((await Authentication).User);
        }
        catch (UnitRequestException exception)
        {
            _error = exception.Message;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            Logger.LogError(exception, "Device administration failed");
            _error = "The database did not answer; nothing was changed. Try again.";
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>"K7MQ 2XPA": two groups of four are read aloud and typed without losing the place.</summary>
    private static string Spaced(string code) => code.Length == 8 ? code[..4] + " " + code[4..] : code;

    private static string Local(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm");
}
