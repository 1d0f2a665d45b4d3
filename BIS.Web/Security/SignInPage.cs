using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace BIS.Web.Security;

/// <summary>The sign-in form: dark, high-contrast, keyboard-first, no script.</summary>
internal static class SignInPage
{
    public static string RenderSignedIn(AntiforgeryTokenSet tokens, System.Security.Claims.ClaimsPrincipal user) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>BIS</title>{{Style}}</head>
        <body><form method="post" action="/account/signout">
          <h1>Building Intelligence System</h1>
          <p>Signed in as <strong>{{WebUtility.HtmlEncode(user.FindFirst("name")?.Value ?? user.Identity?.Name ?? "?")}}</strong>
             ({{WebUtility.HtmlEncode(string.Join(", ", user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value)))}}).</p>
          <p>Hazard lookups: <code>/api/buildings/search?q=</code>, feed status: <a href="/api/feeds">/api/feeds</a>.</p>
          <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
          <button type="submit">Sign out</button>
        </form></body></html>
        """;

    /// <summary>The page's look, from <see cref="StyleSheetPath"/>: an inline style would need a CSP exception.</summary>
    private const string Style = $"""<link rel="stylesheet" href="{StyleSheetPath}">""";

    /// <summary>Served to anyone: the sign-in page is shown before sign-in, when the console's own files are not.</summary>
    public const string StyleSheetPath = "/account/signin.css";

    public const string StyleSheet = """
          body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #0f1419; color: #e6e9ec; font: 18px/1.4 system-ui, sans-serif; }
          form, main { width: min(22rem, 90vw); padding: 2rem; background: #1a2129; border: 1px solid #2c3640; border-radius: 8px; }
          h1 { margin: 0 0 1.25rem; font-size: 1.4rem; } label { display: block; margin: 0.75rem 0 0.25rem; }
          input { width: 100%; box-sizing: border-box; padding: 0.6rem; font-size: 1rem; background: #0f1419; color: #e6e9ec; border: 1px solid #4a5866; border-radius: 4px; }
          input:focus { outline: 3px solid #ffb000; } a { color: #ffcc55; }
          button { margin-top: 1.25rem; width: 100%; padding: 0.7rem; font-size: 1rem; font-weight: 600; background: #ffb000; color: #111; border: 0; border-radius: 4px; cursor: pointer; }
          .error { margin: 0 0 0.5rem; padding: 0.5rem; background: #4d1212; border-left: 4px solid #ff5c5c; }
        """;

    public static string Render(AntiforgeryTokenSet tokens, string returnUrl, string? failure, string? provider) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>BIS — sign in</title>{{Style}}</head>
        <body><form method="post" action="/account/signin">
          <h1>Building Intelligence System</h1>
          {{Failure(failure)}}
          <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
          <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
          <label for="username">User name</label><input id="username" name="username" autocomplete="username" autofocus required maxlength="64">
          <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
          <button type="submit">Sign in</button>
          {{(provider is null ? string.Empty : "<p>" + ProviderLink(returnUrl, provider) + "</p>")}}
        </form></body></html>
        """;

    /// <summary>Local accounts are off: after a sign-out or a failed attempt, a way back to the provider.</summary>
    public static string RenderProviderOnly(string returnUrl, string provider, string? failure) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>BIS — sign in</title>{{Style}}</head>
        <body><main>
          <h1>Building Intelligence System</h1>
          {{(failure is null ? "<p>You are signed out.</p>" : Failure(failure))}}
          <p>{{ProviderLink(returnUrl, provider)}}</p>
        </main></body></html>
        """;

    private static string Failure(string? failure) =>
        failure is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(failure)}</p>";

    private static string ProviderLink(string returnUrl, string provider) =>
        $"<a href=\"/account/signin/oidc?returnUrl={WebUtility.HtmlEncode(WebUtility.UrlEncode(returnUrl))}\">Sign in with {WebUtility.HtmlEncode(provider)}</a>";
}
