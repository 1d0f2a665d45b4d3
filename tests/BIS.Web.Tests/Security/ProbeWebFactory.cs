using BIS.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>
/// BIS.Web (scheduler running, so "run now" is accepted) plus two endpoints of the tests' own that go through
/// the app's whole pipeline: a POST that both people and CAD may call (no real endpoint takes a CAD POST yet)
/// and a GET that throws.
/// </summary>
public sealed class ProbeWebFactory : BisWebFactory
{
    public const string PostProbe = "/api/test-probe";
    public const string ThrowingProbe = "/api/test-throws";

    protected override bool RunScheduler => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ProbeEndpoints>());
    }

    /// <summary>
    /// Picks the probe endpoint ahead of the app's pipeline; the app's routing keeps an endpoint already chosen,
    /// and its authentication, authorization, antiforgery and error handling then treat it as their own.
    /// </summary>
    private sealed class ProbeEndpoints : IStartupFilter
    {
        private static readonly Endpoint Post = Shaped(PostProbe, HttpMethods.Post, context => context.Response.WriteAsJsonAsync(new { accepted = true }));
        private static readonly Endpoint Throwing = Shaped(ThrowingProbe, HttpMethods.Get, _ => throw new InvalidOperationException("probe failure"));

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                if (context.Request.Path == PostProbe && HttpMethods.IsPost(context.Request.Method))
                {
                    context.SetEndpoint(Post);
                }
                else if (context.Request.Path == ThrowingProbe)
                {
                    context.SetEndpoint(Throwing);
                }

                return rest(context);
            });
            next(app);
        };

        /// <summary>Shaped like a minimal-API endpoint (its handler's method in the metadata), behind the read-hazards policy.</summary>
        private static Endpoint Shaped(string path, string method, RequestDelegate handler) =>
            new RouteEndpointBuilder(handler, RoutePatternFactory.Parse(path), 0)
            {
                DisplayName = path,
                Metadata = { handler.Method, new HttpMethodMetadata([method]), new AuthorizeAttribute(BisPolicies.ReadHazards) },
            }.Build();
    }
}
