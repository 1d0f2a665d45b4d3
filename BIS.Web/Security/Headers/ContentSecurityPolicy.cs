namespace BIS.Web.Security.Headers;

/// <summary>
/// The Content-Security-Policy of every answer, as strict as Blazor Server and Leaflet allow. No inline script
/// or style of ours: scripts and styles come from BIS's own files only.
/// </summary>
/// <remarks>
/// Why nothing is looser: Leaflet positions its panes and tiles through <c>element.style</c> (the CSSOM), which
/// CSP does not govern, so <c>'unsafe-inline'</c> styles are not needed; the console draws its vector tiles on
/// canvas (no blob: images, no workers); Blazor's circuit WebSocket is covered by <c>'self'</c> (same host and
/// port; Chromium since 71, Firefox, Safari since 16). Leaflet swaps a removed raster tile for a 1-pixel
/// <c>data:</c> GIF, hence <c>data:</c> images. The base map's tile host is added when one is configured, and the
/// identity provider to <c>form-action</c> because signing out posts a form that the provider's end-session page
/// answers.
/// </remarks>
public static class ContentSecurityPolicy
{
    public static string Build(string? baseTileUrl, string? oidcAuthority)
    {
        var tileHost = baseTileUrl is { Length: > 0 } ? " " + SourceOfUrlTemplate(baseTileUrl) : "";
        var provider = oidcAuthority is { Length: > 0 } ? " " + SourceOfUrlTemplate(oidcAuthority) : "";
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            $"img-src 'self' data:{tileHost}",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action 'self'{provider}",
            "frame-ancestors 'none'");
    }

    /// <summary>
    /// The CSP source (scheme, host, port) of a URL or of a Leaflet tile template, whose host may hold
    /// placeholders: "https://{s}.tile.example.org/{z}/{x}/{y}.png" gives "https://*.tile.example.org".
    /// </summary>
    public static string SourceOfUrlTemplate(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new InvalidOperationException($"'{url}' is not an absolute http(s) URL: no Content-Security-Policy source can be made of it.");
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        var rest = url[(schemeEnd + 3)..];
        var authority = rest[..IndexOfAnyOrLength(rest, '/', '?', '#')];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var portStart = authority.LastIndexOf(':');
        var host = portStart >= 0 && !authority.EndsWith(']') ? authority[..portStart] : authority;
        var port = host.Length < authority.Length ? authority[host.Length..] : "";

        // A placeholder in the host (Leaflet's {s} subdomains) becomes a wildcard over the labels it stands in.
        var labels = host.Split('.');
        var last = Array.FindLastIndex(labels, label => label.Contains('{', StringComparison.Ordinal));
        if (last >= 0)
        {
            if (last == labels.Length - 1 || labels.Skip(last + 1).Any(label => label.Length == 0))
            {
                throw new InvalidOperationException($"'{url}': a placeholder in the host must be followed by a fixed domain.");
            }

            host = "*." + string.Join('.', labels.Skip(last + 1));
        }

        if (scheme is not ("http" or "https") || host.Length == 0 || (host + port).IndexOfAny([' ', ';', ',', '\'', '{', '}', '[']) >= 0)
        {
            throw new InvalidOperationException($"'{url}' is not an absolute http(s) URL: no Content-Security-Policy source can be made of it.");
        }

        return $"{scheme}://{host.ToLowerInvariant()}{port}";
    }

    private static int IndexOfAnyOrLength(string text, params char[] stops)
    {
        var index = text.IndexOfAny(stops);
        return index < 0 ? text.Length : index;
    }
}
