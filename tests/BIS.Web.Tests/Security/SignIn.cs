using System.Net;
using System.Text.RegularExpressions;

namespace BIS.Web.Tests.Security;

/// <summary>Signs a test client in through the real form, antiforgery token included.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string username, string password)
    {
        var token = AntiforgeryFieldOf(await client.GetStringAsync("/account/signin"));
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Key] = token.Value,
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
    }

    public static async Task AsAsync(HttpClient client, string username, string password)
    {
        var response = await PostAsync(client, username, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    /// <summary>The antiforgery hidden field of one of BIS's own server-rendered pages.</summary>
    public static KeyValuePair<string, string> AntiforgeryFieldOf(string page)
    {
        var token = TokenField().Match(page);
        Assert.True(token.Success, "page has no antiforgery field");
        return new(WebUtility.HtmlDecode(token.Groups["name"].Value), WebUtility.HtmlDecode(token.Groups["value"].Value));
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]+)">""")]
    private static partial Regex TokenField();
}
