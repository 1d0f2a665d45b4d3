using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BIS.Web.Security.Audit;

/// <summary>
/// The <see cref="ClientOrigin"/> of a console (a Blazor circuit), for the audit rows its card views
/// write. A circuit has no request of its own; it is taken from the circuit's connection when it opens
/// (the WebSocket request, after the forwarded-headers middleware) and kept for the circuit's life.
/// </summary>
public sealed class CircuitOrigin
{
    public ClientOrigin Origin { get; internal set; } = ClientOrigin.Unknown;
}

/// <summary>Fills the circuit's <see cref="CircuitOrigin"/> when it opens and again when a console reconnects (maybe from elsewhere).</summary>
public sealed class CircuitOriginHandler(CircuitOrigin origin, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => Capture();

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => Capture();

    private Task Capture()
    {
        if (accessor.HttpContext is { } context)
        {
            origin.Origin = ClientOrigin.Of(context);
        }

        return Task.CompletedTask;
    }
}
