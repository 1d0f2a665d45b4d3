using BIS.Ingest.Database;
using Microsoft.AspNetCore.Diagnostics;

namespace BIS.Web.Resilience;

/// <summary>
/// A request that still found no database after <see cref="DatabaseRetry"/> gave up (PostgreSQL down or
/// restarting) is answered 503 with Retry-After, so CAD and monitors know to come back, instead of a 500.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ConnectionLoss.Is(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database cannot be reached right now.",
                Detail = $"Try again in {RetryAfterSeconds} seconds.",
            },
        });
    }
}
