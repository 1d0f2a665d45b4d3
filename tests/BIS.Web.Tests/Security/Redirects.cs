using System.Net;

namespace BIS.Web.Tests.Security;

/// <summary>Follows redirects by hand, across hosts, so a test can see every hop a browser would take.</summary>
public static class Redirects
{
    public sealed record Walk(HttpResponseMessage Final, IReadOnlyList<Uri> Hops)
    {
        public bool Visited(string absolutePath) => Hops.Any(hop => hop.AbsolutePath == absolutePath);
    }

    public static Task<Walk> FollowAsync(HttpClient browser, string path) =>
        FollowAsync(browser, new HttpRequestMessage(HttpMethod.Get, new Uri(browser.BaseAddress!, path)));

    public static async Task<Walk> FollowAsync(HttpClient browser, HttpRequestMessage first)
    {
        var hops = new List<Uri> { first.RequestUri! };
        var response = await browser.SendAsync(first);
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
        {
            Assert.True(hops.Count < 12, "redirect loop: " + string.Join(" → ", hops));
            var next = new Uri(hops[^1], response.Headers.Location!);
            hops.Add(next);
            response.Dispose();
            response = await browser.GetAsync(next);
        }

        return new Walk(response, hops);
    }
}
