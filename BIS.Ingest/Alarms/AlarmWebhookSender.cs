using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Alarms;

/// <summary>
/// Posts queued alarm deliveries (<c>alarm_delivery</c>) to the configured webhooks, so an alarm reaches a pager or a
/// chat room when no steward board is open. Each delivery is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so any number
/// of nodes may send without sending one twice; a failure is retried with a doubling delay, and the outbox is in
/// PostgreSQL, so a restart loses nothing. The body is signed with HMAC-SHA256 over "timestamp.body" (the timestamp
/// stops a captured request from being replayed later); receivers check <c>X-BIS-Signature</c>.
/// </summary>
public sealed class AlarmWebhookSender(
    NpgsqlDataSource dataSource, IHttpClientFactory httpClients, IOptionsMonitor<AlarmOptions> options, AlarmDeliverySignal signal, TimeProvider time,
    ILogger<AlarmWebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "alarm-webhooks";
    public const string SignatureHeader = "X-BIS-Signature";
    public const string TimestampHeader = "X-BIS-Timestamp";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: try again at the next poll, never stop the host.
                logger.LogWarning(ex, "Alarm webhook deliveries could not be read; retrying.");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.CurrentValue.WebhookPollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one due delivery; false when none is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await ClaimAsync(connection, settings, cancellationToken);
        if (due is null)
        {
            return false;
        }

        var webhook = settings.Webhooks.FirstOrDefault(w => w.Name == due.Webhook);
        string? error;
        if (webhook is null)
        {
            error = $"webhook '{due.Webhook}' is no longer configured";
        }
        else
        {
            error = await PostAsync(webhook, due, cancellationToken);
        }

        await RecordAsync(connection, due, error, settings, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (error is not null)
        {
            logger.LogWarning("Alarm {AlarmId} ({Event}) to webhook {Webhook}, attempt {Attempt}: {Error}", due.AlarmId, due.Event, due.Webhook, due.Attempts + 1, error);
        }

        return true;
    }

    private sealed record Delivery(long DeliveryId, long AlarmId, string Event, string Webhook, int Attempts, string Body);

    private async Task<Delivery?> ClaimAsync(NpgsqlConnection connection, AlarmOptions settings, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT d.delivery_id, d.alarm_id, d.event, d.webhook, d.attempts,
                   json_build_object('deliveryId', d.delivery_id, 'event', 'alarm.' || d.event, 'alarm', json_build_object(
                       'id', a.alarm_id, 'feed', a.feed, 'kind', a.kind, 'message', a.message, 'runId', a.run_id,
                       'openedAt', a.opened_at, 'resolvedAt', a.resolved_at))::text
            FROM alarm_delivery d JOIN feed_alarm a USING (alarm_id)
            WHERE d.delivered_at IS NULL AND d.next_attempt_at <= @now AND d.attempts < @max
            ORDER BY d.next_attempt_at
            LIMIT 1
            FOR UPDATE OF d SKIP LOCKED
            """,
            connection);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("max", settings.WebhookMaxAttempts);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Delivery(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5))
            : null;
    }

    /// <summary>Null when the receiver took it (2xx); otherwise what went wrong.</summary>
    private async Task<string?> PostAsync(AlarmWebhookOptions webhook, Delivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret, timestamp, delivery.Body));
        request.Headers.Add("X-BIS-Event", "alarm." + delivery.Event);
        request.Headers.Add("X-BIS-Delivery", delivery.DeliveryId.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    /// <summary>"sha256=" and the hex HMAC-SHA256 of "timestamp.body" under the webhook's secret.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private async Task RecordAsync(NpgsqlConnection connection, Delivery delivery, string? error, AlarmOptions settings, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(3600, settings.WebhookRetrySeconds * Math.Pow(2, delivery.Attempts)));
        await using var command = new NpgsqlCommand(
            """
            UPDATE alarm_delivery SET attempts = attempts + 1, last_error = @error,
                   delivered_at = CASE WHEN @error IS NULL THEN @now END,
                   next_attempt_at = CASE WHEN @error IS NULL THEN next_attempt_at ELSE @next END
            WHERE delivery_id = @id
            """,
            connection);
        var now = time.GetUtcNow();
        command.Parameters.AddWithValue("error", NpgsqlTypes.NpgsqlDbType.Text, (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("next", now + delay);
        command.Parameters.AddWithValue("id", delivery.DeliveryId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
