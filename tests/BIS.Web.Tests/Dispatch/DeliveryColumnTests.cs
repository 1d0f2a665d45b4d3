using System.Text.RegularExpressions;
using BIS.Web.Incidents;
using BIS.Web.Tests.EndToEnd;
using BIS.Web.Tests.Units;
using BIS.Web.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.Dispatch;

/// <summary>The console on Kestrel with the mini city and a short acknowledgement deadline, so a silent unit turns red within the test.</summary>
public sealed class DeliveryConsoleServer : BrowserServer
{
    public const int AckWarningSeconds = 4;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<UnitPushListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Push:AckWarningSeconds"] = AckWarningSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }
}

/// <summary>
/// The dispatcher's delivery column in Debian's Chromium: a real tablet (SignalR client with a device token) receives
/// and acknowledges and the console shows each step as it happens, with no reload; a unit with no tablet is marked
/// once the deadline passes. Screenshots go to /work/shots/delivery and var/screenshots.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DeliveryColumnTests(DeliveryConsoleServer server) : IClassFixture<DeliveryConsoleServer>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_unit_shows_sent_received_acknowledged_and_status_live_and_a_unit_that_never_acknowledges_is_marked()
    {
        var devices = server.Services.GetRequiredService<DeviceRegistry>();
        var code = await devices.IssueCodeAsync("E9", UnitPushServer.Admin, CancellationToken.None);
        var paired = (await devices.PairAsync(code.Code, "E9 test tablet", CancellationToken.None))!;
        await using var tablet = new TabletClient(UnitPushServer.HubWithToken(server.BaseAddress, paired.Token));
        await tablet.StartAsync();

        var book = server.Services.GetRequiredService<IncidentBook>();
        var building = await server.Database.ScalarAsync<long>("SELECT building_id FROM building WHERE address_key = '302 SUMNER ST'");
        var incident = await book.OpenAsync(building, "Structure fire", "Smoke showing, 2nd floor", UnitPushServer.Dispatcher, CancellationToken.None);
        await book.AssignAsync(incident.IncidentId, ["E9", "L2"], UnitPushServer.Dispatcher, CancellationToken.None);
        await Eventually.HoldsAsync(() => tablet.LastApplied >= 1, Within, "the assignment did not reach E9's tablet");
        var seq = tablet.LastApplied;
        await Eventually.HoldsAsync(
            async () => await server.Database.ScalarAsync<bool>($"SELECT sent_at IS NOT NULL FROM unit_message WHERE unit_id = 'E9' AND seq = {seq}"),
            Within, "E9's message was never marked sent");

        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var console = new ConsolePage(page, server.BaseAddress);
        await console.SignInAsync("dispatcher", BisWebFactory.DispatcherPassword);

        var e9 = page.Locator(".deliveries li[data-unit='E9']");
        var l2 = page.Locator(".deliveries li[data-unit='L2']");
        await Assertions.Expect(e9.Locator(".delivery-steps")).ToContainTextAsync(new Regex(@"sent \d\d:\d\d:\d\d · not received · not acknowledged"));
        await Assertions.Expect(e9.Locator(".delivery-status")).ToHaveTextAsync("dispatched");

        // The tablet stored it, then the crew acknowledged and set off: the console follows without a reload.
        await tablet.Connection.InvokeAsync("Received", seq);
        await Assertions.Expect(e9.Locator(".delivery-steps")).ToContainTextAsync(new Regex(@"received \d\d:\d\d:\d\d · not acknowledged"));
        await tablet.Connection.InvokeAsync("Acknowledge", seq);
        await tablet.Connection.InvokeAsync<string>("SetStatus", "enroute");
        await Assertions.Expect(e9.Locator(".delivery-steps")).ToContainTextAsync(new Regex(@"acknowledged \d\d:\d\d:\d\d"));
        await Assertions.Expect(e9.Locator(".delivery-status")).ToHaveTextAsync("en route");
        await Assertions.Expect(e9.Locator(".delivery-warning")).ToHaveCountAsync(0);

        // L2 has no tablet: nothing was sent, and past the deadline the dispatcher is told to radio it.
        await Assertions.Expect(l2.Locator(".delivery-steps")).ToContainTextAsync("not sent · not received · not acknowledged");
        await Assertions.Expect(l2.Locator(".delivery-warning")).ToContainTextAsync("radio L2", new() { Timeout = 60_000 });
        await Assertions.Expect(l2).ToHaveClassAsync(new Regex("delivery-overdue"));

        var shots = Directory.CreateDirectory("/work/shots/delivery").FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "console-1280x800.png") });
        await page.Locator(".open-incidents").ScreenshotAsync(new() { Path = Path.Combine(shots, "delivery-column.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, "delivery-column.png") });
        console.AssertNoBrowserProblems();
        await context.DisposeAsync();
    }
}
