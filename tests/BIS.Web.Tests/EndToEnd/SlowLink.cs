using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>
/// A WebSocket between the page and BIS.Web whose server-to-page direction arrives late, in order, like a
/// congested cellular or satellite link: what the page sends goes straight through, what the server answers is
/// held for <see cref="Delay"/>. Installed with <see cref="RouteAsync"/> before the page opens the socket.
/// </summary>
public sealed class SlowLink(TimeSpan delay)
{
    public TimeSpan Delay { get; } = delay;

    public Task RouteAsync(IPage page, string urlPattern) =>
        page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex(urlPattern), socket =>
        {
            var server = socket.ConnectToServer();
            var held = Channel.CreateUnbounded<(long At, IWebSocketFrame Frame)>(new UnboundedChannelOptions { SingleReader = true });
            server.OnMessage(frame => held.Writer.TryWrite((Stopwatch.GetTimestamp(), frame)));
            _ = Task.Run(async () =>
            {
                await foreach (var (at, frame) in held.Reader.ReadAllAsync())
                {
                    var wait = Delay - Stopwatch.GetElapsedTime(at);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    try
                    {
                        if (frame.Binary is { } binary)
                        {
                            socket.Send(binary);
                        }
                        else
                        {
                            socket.Send(frame.Text ?? "");
                        }
                    }
                    catch (PlaywrightException)
                    {
                        return;
                    }
                }
            });
        });
}
