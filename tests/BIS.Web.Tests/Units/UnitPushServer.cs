using System.Net;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using System.Security.Claims;
using BIS.Web.Incidents;
using BIS.Web.Security;
using BIS.Web.Tests.Security;
using BIS.Web.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Units;

/// <summary>BIS.Web on real Kestrel (loopback, a free port), with an admin and a firefighter of Engine 9 to sign in as.</summary>
public class UnitPushServer : BisWebFactory
{
    public const string AdminPassword = "admin-test-password-1";
    public const string FirefighterPassword = "firefighter-test-password-1";

    public static readonly ClaimsPrincipal Dispatcher = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "dispatcher"), new Claim(ClaimTypes.Role, BisRoles.Dispatcher)], "test"));

    public static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, BisRoles.Admin)], "test"));

    public string BaseAddress { get; private set; } = "";

    public IncidentBook Book => Services.GetRequiredService<IncidentBook>();

    public DeviceRegistry Devices => Services.GetRequiredService<DeviceRegistry>();

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        BaseAddress = AddressOf(Services);
        var accounts = Services.GetRequiredService<LocalAccounts>();
        await accounts.CreateAsync("admin", "Test Admin", BisRoles.Admin, null, AdminPassword, CancellationToken.None);
        await accounts.CreateAsync("ff-e9", "Firefighter E9", BisRoles.Firefighter, "E9", FirefighterPassword, CancellationToken.None);
        await Services.GetRequiredService<UnitPushListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0" }));
    }

    public static string AddressOf(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>A tablet of the unit, paired through the registry (the admin page's path is tested on its own).</summary>
    public async Task<PairedDevice> PairAsync(string unitId)
    {
        var code = await Devices.IssueCodeAsync(unitId, Admin, CancellationToken.None);
        return (await Devices.PairAsync(code.Code, $"{unitId} test tablet", CancellationToken.None))!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A violations run that adds a vacant-building violation at the address: a new flag for the crews there.</summary>
    public async Task<long> MarkVacantAsync(string number, string street)
    {
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("V3", "Open", "Vacant building not secured", number, street, "ST"));
        var run = await Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        return run.RunId;
    }

    public Task<long> BuildingAsync(string addressKey) =>
        Database.ScalarAsync<long>($"SELECT building_id FROM building WHERE address_key = '{addressKey}'");

    /// <summary>A plain HTTP client of this server that keeps cookies and does not follow redirects (as the sign-in helpers expect).</summary>
    public HttpClient CreateHttpClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = new Uri(BaseAddress) };

    public static HubConnection HubWithToken(string baseAddress, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseAddress), UnitHub.Path), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();

    public static HubConnection HubWithCookies(string baseAddress, CookieContainer cookies, string? origin = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseAddress), UnitHub.Path), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
                if (origin is not null)
                {
                    options.Headers["Origin"] = origin;
                }
            })
            .Build();
}
