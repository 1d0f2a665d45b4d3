using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace BIS.Web.Cad;

/// <summary>
/// Reads a CAD POST's body within the size limit and turns it into a request record, or into the field-level
/// reasons it cannot be one. Parsed here rather than by minimal-API binding so a malformed body gets a problem
/// naming the field (binding answers a bare 400), and so the exact bytes are there to fingerprint for the
/// Idempotency-Key.
/// </summary>
public static partial class CadBody
{
    /// <summary>Strict: a field BIS does not know ("adress") is an error, not silently dropped.</summary>
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public sealed record Read(byte[]? Body, CadOutcome? Refusal);

    public static async Task<Read> ReadAsync(HttpRequest request, int maxBytes, CadResults results, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, TooLarge(results, maxBytes));
        }

        if (request.ContentLength is not 0 && request.ContentType is { } type && !IsJson(type))
        {
            return new(null, results.Problem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.",
                $"Send Content-Type: application/json, not '{Shorten(type)}'."));
        }

        // Read one byte past the limit: a chunked body without Content-Length is cut off, not read to the end.
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? new(null, TooLarge(results, maxBytes)) : new(buffer[..length], null);
    }

    /// <summary>The body as <typeparamref name="T"/>, or the fields at fault (<c>errors</c> of the 400).</summary>
    public static (T? Value, Dictionary<string, string[]>? Errors) Parse<T>(byte[] body, IReadOnlyDictionary<string, string> shapes, bool emptyAllowed = false)
        where T : class
    {
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return emptyAllowed ? (null, null) : (null, new() { ["body"] = ["The body is empty: send a JSON object."] });
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Strict);
            return value is null ? (null, new() { ["body"] = ["The body is null: send a JSON object."] }) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, new() { [FieldOf(ex)] = [MessageOf(ex, shapes)] });
        }
    }

    private static string FieldOf(JsonException ex)
    {
        if (UnknownMember().Match(ex.Message) is { Success: true } unknown)
        {
            return unknown.Groups["name"].Value;
        }

        var path = ex.Path ?? "$";
        return path is "$" or "" ? "body" : path.TrimStart('$', '.');
    }

    private static string MessageOf(JsonException ex, IReadOnlyDictionary<string, string> shapes)
    {
        if (UnknownMember().IsMatch(ex.Message))
        {
            return $"Unknown field. Known fields: {(shapes.Count == 0 ? "none" : string.Join(", ", shapes.Keys))}.";
        }

        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
        // The reader's own exception inside means the text is not JSON at all; otherwise a value had the wrong type.
        if (ex.InnerException is JsonException || (ex.Path ?? "$") == "$")
        {
            return $"Not valid JSON{where}: send one JSON object.";
        }

        var field = FieldOf(ex);
        var root = field.Split('[', '.')[0];
        return shapes.TryGetValue(root, out var shape) ? $"Must be {shape}{where}." : $"Wrong type{where}.";
    }

    private static CadOutcome TooLarge(CadResults results, int maxBytes) =>
        results.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"CAD request bodies are limited to {maxBytes:N0} bytes.",
            new Dictionary<string, string[]> { ["body"] = [$"Longer than {maxBytes:N0} bytes."] });

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    internal static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnknownMember();
}
