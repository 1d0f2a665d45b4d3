using BIS.Web.Cad;
using BIS.Web.Security.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BIS.Web.Pages.Admin;

/// <summary>
/// CAD keys per client: made here (shown once), listed with their last use, revoked. Every change is audited by
/// <see cref="CadKeys"/>; the list is read again after each.
/// </summary>
public sealed partial class CadKeysPage
{
    [Inject] private CadKeys Keys { get; set; } = default!;
    [Inject] private CircuitOrigin Client { get; set; } = default!;
    [Inject] private ILogger<CadKeysPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private IReadOnlyList<CadKey> _keys = [];
    private NewCadKey? _created;
    private string _name = "";
    private long? _confirming;
    private bool _busy;
    private string? _error;
    private bool _ready;

    protected override Task OnInitializedAsync() => ReloadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ready = true;
            StateHasChanged();
        }
    }

    private async Task CreateAsync()
    {
        await ActAsync(async user =>
        {
            _created = await Keys.CreateAsync(_name, user, Client.Origin, CancellationToken.None);
            _name = "";
        });
    }

    private Task RevokeAsync(CadKey key) => ActAsync(async user =>
    {
        if (!await Keys.RevokeAsync(key.ClientId, user, Client.Origin, CancellationToken.None))
        {
            _error = $"{key.Name} was already revoked.";
        }

        _confirming = null;
        if (_created?.Client.ClientId == key.ClientId)
        {
            _created = null;
        }
    });

    private async Task ActAsync(Func<System.Security.Claims.ClaimsPrincipal, Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action((await Authentication).User);
        }
        catch (CadKeyException ex)
        {
            _error = ex.Message;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            Logger.LogWarning(ex, "A CAD key change failed");
            _error = "The database could not be reached; nothing was changed. Try again.";
        }
        finally
        {
            _busy = false;
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _keys = await Keys.ListAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            Logger.LogWarning(ex, "The CAD keys could not be read");
            _error = "The keys could not be read from the database.";
        }
    }

    private static string Time(DateTimeOffset at) => BIS.Web.Steward.BoardTime.Format(at);
}
