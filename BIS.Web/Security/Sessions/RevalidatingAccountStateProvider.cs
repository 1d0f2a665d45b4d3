using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.Sessions;

/// <summary>
/// An open console (a Blazor circuit) keeps the user it started with for hours; this checks that user
/// every Security:RevalidateEvery like a cookie request is checked. When the session has ended or the
/// account's role changed the console becomes signed out: the page shows "session ended" with a link
/// to sign in again, which picks up the new role.
/// </summary>
public sealed class RevalidatingAccountStateProvider(ILoggerFactory loggerFactory, SessionValidator validator, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RevalidatingAccountStateProvider>();

    protected override TimeSpan RevalidationInterval => options.Value.RevalidateEvery;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var check = await validator.CheckAsync(authenticationState.User, fresh: true, cancellationToken);
        if (check.State != SessionState.Valid)
        {
            _logger.LogInformation("Console of {User} signed out: {Reason}", authenticationState.User.Identity?.Name, check.Reason);
        }

        return check.State == SessionState.Valid;
    }
}
