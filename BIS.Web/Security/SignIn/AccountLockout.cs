using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Security.SignIn;

/// <summary>What a failed sign-in did to its user name's count.</summary>
public sealed record FailureCounted(int Failures, DateTimeOffset? LockedUntil, bool JustLocked);

/// <summary>
/// Failed sign-ins counted per user name in PostgreSQL (sign_in_lockout), so every node and every
/// restart sees the same count and the same lock. The clock is the database's, for the same reason.
/// </summary>
public sealed class AccountLockout(NpgsqlDataSource dataSource, IOptions<SecurityOptions> options, TimeProvider time)
{
    private SignInOptions Settings => options.Value.SignIn;
    private long _lastSweep;

    /// <summary>Until when the name is locked, or null when it is not.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT locked_until FROM sign_in_lockout WHERE username = @username AND locked_until > now()");
        command.Parameters.AddWithValue("username", username);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime until ? new DateTimeOffset(until, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Counts a failure. The count starts again when the window since the first failure has passed or an
    /// earlier lock has run out; the failure that reaches the limit locks the name (JustLocked, once).
    /// </summary>
    public async Task<FailureCounted> RecordFailureAsync(string username, CancellationToken cancellationToken)
    {
        await SweepAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO sign_in_lockout AS s (username, failures, window_started_at, locked_until)
            VALUES (@username, 1, now(), CASE WHEN @limit <= 1 THEN now() + @lockout END)
            ON CONFLICT (username) DO UPDATE SET
                failures = CASE WHEN s.window_started_at <= now() - @window OR s.locked_until <= now() THEN 1 ELSE s.failures + 1 END,
                window_started_at = CASE WHEN s.window_started_at <= now() - @window OR s.locked_until <= now() THEN now() ELSE s.window_started_at END,
                locked_until = CASE
                    WHEN (CASE WHEN s.window_started_at <= now() - @window OR s.locked_until <= now() THEN 1 ELSE s.failures + 1 END) >= @limit
                        THEN greatest(s.locked_until, now() + @lockout)
                    WHEN s.locked_until <= now() THEN NULL
                    ELSE s.locked_until
                END
            RETURNING failures, locked_until
            """);
        command.Parameters.AddWithValue("username", username);
        command.Parameters.AddWithValue("limit", Settings.LockoutAfterFailures);
        command.Parameters.AddWithValue("window", Settings.FailureWindow);
        command.Parameters.AddWithValue("lockout", Settings.LockoutFor);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var failures = reader.GetInt32(0);
        DateTimeOffset? lockedUntil = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
        return new FailureCounted(failures, lockedUntil, failures == Settings.LockoutAfterFailures);
    }

    /// <summary>A successful sign-in starts the count again.</summary>
    public async Task ClearAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM sign_in_lockout WHERE username = @username");
        command.Parameters.AddWithValue("username", username);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Rows of names tried once and never again (most of them not accounts) are deleted once their window
    /// and any lock have passed, at most once a window per node, so guessing cannot grow the table for ever.
    /// </summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (last != 0 && time.GetElapsedTime(last, now) < Settings.FailureWindow || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            "DELETE FROM sign_in_lockout WHERE window_started_at < now() - @window AND (locked_until IS NULL OR locked_until < now())");
        command.Parameters.AddWithValue("window", Settings.FailureWindow);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
