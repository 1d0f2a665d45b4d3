using BIS.Ingest;
using BIS.Ingest.Feeds;
using BIS.Web.Cad;
using BIS.Web.Dispatch;
using BIS.Web.Feeds;
using BIS.Web.Health;
using BIS.Web.Incidents;
using BIS.Web.Lookup;
using BIS.Web.Map;
using BIS.Web.Metrics;
using BIS.Web.Resilience;
using BIS.Web.Security;
using BIS.Web.Security.Csrf;
using BIS.Web.Security.Headers;
using BIS.Web.Security.Keys;
using BIS.Web.Security.Sessions;
using BIS.Web.Security.SignIn;
using BIS.Web.Steward;
using BIS.Web.Units;
using BIS.Web.UnitView;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddBisDefaults(builder.Environment.ContentRootPath);

builder.Services.AddBisIngest(builder.Configuration);
builder.Services.AddBisSecurity(builder.Configuration);
builder.Services.AddBisDataProtection(builder.Configuration);
builder.Services.AddBisSecurityHeaders(builder.Configuration);
builder.Services.AddBisCsrfProtection();
builder.Services.AddBisHealth();
builder.Services.AddBuildingLookup();
builder.Services.AddIncidents(builder.Configuration);
builder.Services.AddDispatchConsole(builder.Configuration);
builder.Services.AddStewardDesk();
builder.Services.AddRunPage();
builder.Services.AddBisMetricsAndScrapeListener(builder.Configuration);
builder.Services.AddManualLinks();
builder.Services.AddCadApi(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddBisResilience();
builder.Services.AddUnitPush(builder.Configuration);

var app = builder.Build();

app.UseBisForwardedHeaders();
app.UseBisSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSignInThrottling();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseBisCsrfProtection();
app.MapSignIn();
app.MapCsrfToken();
app.MapBisHealth();
app.MapBuildingLookup();
app.MapTiles();
app.MapFeedStatus();
app.MapStewardDesk();
app.MapRunPage();
app.MapManualLinks();
app.MapCadApi();
app.MapDispatchConsole();
app.MapUnitPush();
app.MapUnitView();

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
