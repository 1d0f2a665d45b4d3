using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BIS.Web.Cad;

/// <summary>
/// A CAD answer as bytes: what a POST's Idempotency-Key stores and replays must be exactly what was sent the
/// first time, so answers are serialized once, here, and written from the same bytes.
/// </summary>
public sealed record CadOutcome(int Status, byte[] Body, string ContentType, string? Location = null) : IResult
{
    public const string ProblemContentType = "application/problem+json";
    public const string JsonContentType = "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}

/// <summary>Makes <see cref="CadOutcome"/>s with the app's JSON settings (camelCase, severities by name).</summary>
public sealed class CadResults(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private JsonSerializerOptions Options => json.Value.SerializerOptions;

    public CadOutcome Json(int status, object value, string? location = null) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options), CadOutcome.JsonContentType, location);

    /// <summary>An RFC 9457 problem; <paramref name="errors"/> names the fields at fault, each with its messages.</summary>
    public CadOutcome Problem(int status, string title, string detail, IDictionary<string, string[]>? errors = null, IDictionary<string, object?>? extensions = null)
    {
        ProblemDetails problem = errors is { Count: > 0 }
            ? new HttpValidationProblemDetails(errors) { Title = title }
            : new ProblemDetails { Title = title };
        problem.Status = status;
        problem.Detail = detail;
        problem.Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return new(status, JsonSerializer.SerializeToUtf8Bytes(problem, problem.GetType(), Options), CadOutcome.ProblemContentType);
    }

    /// <summary>400 with the fields at fault: the request itself is malformed, whatever the data.</summary>
    public CadOutcome Invalid(IDictionary<string, string[]> errors) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "See errors: each field at fault with what is wrong with it.", errors);

    /// <summary>422: well formed, but the data says no (unknown unit, closed incident, address that names no single building).</summary>
    public CadOutcome Unprocessable(string detail, IDictionary<string, string[]> errors, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be carried out.", detail, errors, extensions);
}
