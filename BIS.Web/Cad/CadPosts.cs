using Microsoft.Extensions.Options;

namespace BIS.Web.Cad;

/// <summary>
/// Every CAD POST goes through here: the Idempotency-Key (required), the body within its limit, then the claim on
/// the key, and only then the handler. Same key and same request: the first answer again, nothing done twice;
/// same key and another request: 422; same key while the first still runs: 409. An error answer is not kept.
/// </summary>
public sealed class CadPosts(CadIdempotency ledger, CadResults results, IOptions<CadOptions> options, ILogger<CadPosts> logger)
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task<IResult> RunAsync(HttpContext context, Func<byte[], CancellationToken, Task<CadOutcome>> handler)
    {
        if (KeyOf(context.Request) is not { } key)
        {
            return results.Problem(StatusCodes.Status400BadRequest, "Idempotency-Key is required.",
                $"Every CAD POST carries an {KeyHeader} header: 1 to {CadIdempotency.MaxKeyLength} printable ASCII characters, " +
                "unique per operation (a UUID), the same on a retry. BIS keeps each key 24 hours.",
                new Dictionary<string, string[]> { [KeyHeader] = ["Missing or malformed."] });
        }

        var read = await CadBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, results, context.RequestAborted);
        if (read.Refusal is not null)
        {
            return read.Refusal;
        }

        var client = context.User.Identity?.Name ?? "unknown";
        var fingerprint = CadIdempotency.Fingerprint(context.Request.Method, context.Request.Path.Value ?? "", read.Body!);
        switch (await ledger.ClaimAsync(client, key, fingerprint, context.RequestAborted))
        {
            case CadIdempotency.Answered answered:
                context.Response.Headers[ReplayedHeader] = "true";
                return answered.Outcome;
            case CadIdempotency.Mismatch:
                return results.Unprocessable($"This {KeyHeader} was used for another request (method, path or body differ). Use a new key for a new request.",
                    new Dictionary<string, string[]> { [KeyHeader] = ["Already used for a different request."] });
            case CadIdempotency.InFlight:
                context.Response.Headers.RetryAfter = "1";
                return results.Problem(StatusCodes.Status409Conflict, "The first request with this key is still running.",
                    $"Retry with the same {KeyHeader} in a moment to get its answer.",
                    new Dictionary<string, string[]> { [KeyHeader] = ["A request with this key is in progress."] });
        }

        CadOutcome outcome;
        try
        {
            // Not the request's token: once claimed, the work runs to its answer even if the caller hangs up,
            // so the answer is there for the retry instead of half of the work being done.
            outcome = await handler(read.Body!, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "CAD {Method} {Path} failed; its Idempotency-Key is given up for a retry", context.Request.Method, context.Request.Path);
            await ledger.ReleaseAsync(client, key);
            throw;
        }

        // An error answer changed nothing: the key is given up, so the client's retry (a field corrected, a unit
        // freed) runs instead of getting the error again. Only what did something is kept and replayed.
        if (outcome.Status >= 400)
        {
            await ledger.ReleaseAsync(client, key);
        }
        else
        {
            await ledger.CompleteAsync(client, key, outcome);
        }

        return outcome;
    }

    /// <summary>
    /// The key as the draft sends it (a structured-field string, <c>"…"</c>) or bare, as many clients do.
    /// </summary>
    internal static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[KeyHeader] is not { Count: 1 } values || values[0] is not { } raw)
        {
            return null;
        }

        var key = raw.Trim();
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        return key.Length is >= 1 and <= CadIdempotency.MaxKeyLength && key.All(c => c is >= ' ' and <= '~') ? key : null;
    }
}
