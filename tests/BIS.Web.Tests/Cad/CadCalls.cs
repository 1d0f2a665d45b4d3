using System.Text;
using System.Text.Json;

namespace BIS.Web.Tests.Cad;

/// <summary>What a CAD system sends: JSON bodies with an Idempotency-Key, answers read as JSON.</summary>
internal static class CadCalls
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? key = null) =>
        client.SendAsync(Request(path, new StringContent(json, Encoding.UTF8, "application/json"), key ?? Guid.NewGuid().ToString()));

    public static HttpRequestMessage Request(string path, HttpContent content, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    /// <summary>Buffered first, so an answer can be read more than once.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The problem's errors as field → messages; asserts it is an RFC 9457 problem.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray())
            : [];
    }

    public static string Incident(string where, string type = "Structure fire", string units = "[]") =>
        $$"""{ {{where}}, "type": "{{type}}", "notes": "CAD test", "units": {{units}} }""";
}
