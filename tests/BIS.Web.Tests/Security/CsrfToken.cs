using System.Net.Http.Json;

namespace BIS.Web.Tests.Security;

/// <summary>What a page's script does before a state-changing call: ask GET /api/antiforgery for the token.</summary>
public static class CsrfToken
{
    public sealed record Answer(string HeaderName, string Token);

    public static async Task<Answer> GetAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Answer>("/api/antiforgery"))!;

    /// <summary>Sends the token on every later request of this (signed-in) client.</summary>
    public static async Task AttachAsync(HttpClient client)
    {
        var answer = await GetAsync(client);
        client.DefaultRequestHeaders.Add(answer.HeaderName, answer.Token);
    }
}
