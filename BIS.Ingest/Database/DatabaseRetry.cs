using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace BIS.Ingest.Database;

/// <summary>
/// Tries work again when its connection was lost (<see cref="ConnectionLoss"/>). After PostgreSQL restarts,
/// every connection idle in a pool is dead; Npgsql drops the pool's idle connections when the first of
/// them fails, so the next attempt opens a new one — at once, then with a short backoff (about 1.5 s in
/// all) while the server is still coming up. Only for work that may safely run twice: a read, an update
/// that sets absolute values, or the start of a transaction that has written nothing yet. Never for an
/// INSERT whose fate is unknown when the connection broke.
/// </summary>
public sealed class DatabaseRetry
{
    private const int MaxRetries = 4;

    private readonly ResiliencePipeline _pipeline;

    public DatabaseRetry(ILogger<DatabaseRetry> logger)
    {
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ConnectionLoss.Is),
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(1),
                UseJitter = true,
                // The first failure is usually a dead pooled connection, and the pool is already cleared: no wait.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.AttemptNumber == 0 ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Lost the database connection; trying again in {Delay} ms (retry {Retry} of {Max})",
                        (int)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, MaxRetries);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Runs <paramref name="work"/>, again on a lost connection; it must be safe to run twice (see the class).</summary>
    public async Task<T> IdempotentAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async ct => await work(ct), cancellationToken);

    /// <inheritdoc cref="IdempotentAsync{T}"/>
    public async Task IdempotentAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async ct => await work(ct), cancellationToken);

    /// <summary>
    /// Opens a connection, again while the server refuses it. Nothing is sent before the connection is
    /// open, so this is safe before a write too; a dead pooled connection only shows at the first command.
    /// </summary>
    public Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        IdempotentAsync(async ct => await dataSource.OpenConnectionAsync(ct), cancellationToken);
}
