using System.Net;
using System.Text.Json;
using BIS.Domain.Feeds;
using BIS.Ingest.Alarms;
using BIS.Ingest.Ledger;
using BIS.Ingest.Tests.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BIS.Ingest.Tests.Alarms;

/// <summary>
/// Feed alarms on the real PostgreSQL, over the mini city (assessing and violations loaded; the other five feeds
/// never loaded, so they are stale from the start), with a webhook receiver on loopback.
/// </summary>
public sealed class FeedAlarmTests : MiniCityRunTests
{
    private const string Secret = "a-webhook-secret-of-some-length";
    private readonly WebhookReceiver _receiver = new();
    private IHost? _alarmHost;

    private IServiceProvider Alarms => (_alarmHost ??= IngestHost.Build(Database.ConnectionString, manifestPath: null, new Dictionary<string, string?>(City.FeedSettings())
    {
        ["Alarms:Webhooks:0:Name"] = "pager",
        ["Alarms:Webhooks:0:Url"] = _receiver.Url,
        ["Alarms:Webhooks:0:Secret"] = Secret,
        ["Alarms:WebhookRetrySeconds"] = "0.05",
    })).Services;

    private AlarmEvaluator Evaluator => Alarms.GetRequiredService<AlarmEvaluator>();

    [Fact]
    public async Task A_stale_feed_raises_one_alarm_however_often_it_is_checked_and_resolves_itself_when_fresh()
    {
        var first = await Evaluator.EvaluateAsync(CancellationToken.None);
        Assert.Equal(5, first.Opened.Count); // the five feeds that never loaded
        await Database.SetLastSuccessAsync("violations", hoursAgo: 30);

        var opened = new List<long>();
        for (var check = 0; check < 4; check++)
        {
            opened.AddRange((await Evaluator.EvaluateAsync(CancellationToken.None)).Opened);
        }

        var alarm = Assert.Single(opened);
        Assert.Equal("stale", await Database.ScalarAsync<string>($"SELECT kind FROM feed_alarm WHERE alarm_id = {alarm} AND feed = 'violations'"));
        Assert.StartsWith("violations is stale: its last good load is 30 h old, its SLA is 26 h",
            await Database.ScalarAsync<string>($"SELECT message FROM feed_alarm WHERE alarm_id = {alarm}"), StringComparison.Ordinal);

        await Database.SetLastSuccessAsync("violations", hoursAgo: 0);
        Assert.Equal([alarm], (await Evaluator.EvaluateAsync(CancellationToken.None)).Resolved);
        // History is kept: the alarm is resolved, not deleted.
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT count(*) FROM feed_alarm WHERE alarm_id = {alarm} AND resolved_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_refused_run_raises_an_alarm_with_its_reason_and_the_next_good_run_resolves_it()
    {
        await Evaluator.EvaluateAsync(CancellationToken.None);
        var good = await File.ReadAllTextAsync(City.Violations);
        await File.WriteAllTextAsync(City.Violations, "case_no,status,code\nV9,Open,121.2\n");
        var refused = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, refused.Status);

        var alarm = Assert.Single((await Evaluator.EvaluateAsync(CancellationToken.None)).Opened);
        var message = await Database.ScalarAsync<string>($"SELECT message FROM feed_alarm WHERE alarm_id = {alarm} AND kind = 'refused'");
        Assert.StartsWith($"Run {refused.RunId} of violations was refused:", message, StringComparison.Ordinal);
        Assert.Contains("missing required column", message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(City.Violations, good);
        await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal([alarm], (await Evaluator.EvaluateAsync(CancellationToken.None)).Resolved);
    }

    [Fact]
    public async Task A_match_rate_falling_more_than_ten_points_raises_an_alarm()
    {
        await Evaluator.EvaluateAsync(CancellationToken.None);
        // The two rows that link, and three on a street the city does not have: 100 % → 40 %.
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("V3", "Open", "Maintenance", "9", "Nowhere", "ST"),
            MiniCity.ViolationRow("V4", "Open", "Maintenance", "11", "Nowhere", "ST"),
            MiniCity.ViolationRow("V5", "Open", "Maintenance", "13", "Nowhere", "ST"));
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);

        var alarm = Assert.Single((await Evaluator.EvaluateAsync(CancellationToken.None)).Opened);
        Assert.StartsWith(
            "Match rate of violations fell from 100.0 %",
            await Database.ScalarAsync<string>($"SELECT message FROM feed_alarm WHERE alarm_id = {alarm} AND kind = 'match-rate'"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alarm_reaches_the_webhook_once_signed_and_a_failed_delivery_is_retried()
    {
        _receiver.FailFirstAttempts = true;
        await Evaluator.EvaluateAsync(CancellationToken.None);
        await Database.SetLastSuccessAsync("violations", hoursAgo: 30);
        var alarm = Assert.Single((await Evaluator.EvaluateAsync(CancellationToken.None)).Opened);
        await Evaluator.EvaluateAsync(CancellationToken.None);

        var sender = Alarms.GetRequiredService<AlarmWebhookSender>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Database.ScalarAsync<long>($"SELECT count(*) FROM alarm_delivery WHERE alarm_id = {alarm} AND delivered_at IS NULL") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the delivery was not made in time");
            if (!await sender.SendNextAsync(CancellationToken.None))
            {
                await Task.Delay(20);
            }
        }

        while (await sender.SendNextAsync(CancellationToken.None))
        {
        }

        var received = _receiver.Received.Where(r => r.Body.RootElement.GetProperty("alarm").GetProperty("id").GetInt64() == alarm).ToList();
        Assert.Equal(2, received.Count); // the refused attempt and the delivery
        var delivered = received[^1];
        Assert.Equal(AlarmWebhookSender.Sign(Secret, delivered.Timestamp, delivered.Text), delivered.Signature);
        Assert.Equal("alarm.opened", delivered.Body.RootElement.GetProperty("event").GetString());
        Assert.Equal("violations", delivered.Body.RootElement.GetProperty("alarm").GetProperty("feed").GetString());
        Assert.Equal(2, await Database.ScalarAsync<int>($"SELECT attempts FROM alarm_delivery WHERE alarm_id = {alarm}"));
    }


    public override async Task DisposeAsync()
    {
        _alarmHost?.Dispose();
        _receiver.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A real HTTP endpoint on loopback that records what it receives and can refuse the first requests.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;

        public WebhookReceiver()
        {
            for (var attempt = 0; ; attempt++)
            {
                // A port the system just handed out, so another test's server is unlikely to hold it.
                var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                Url = $"http://127.0.0.1:{port}/hook/";
                var listener = new HttpListener();
                try
                {
                    listener.Prefixes.Add(Url);
                    listener.Start();
                    _listener = listener;
                    break;
                }
                catch (HttpListenerException) when (attempt < 20)
                {
                    listener.Close();
                }
            }

            _loop = Task.Run(ServeAsync);
        }

        public string Url { get; }

        /// <summary>Answer 500 to the first attempt of every delivery, 204 to the next.</summary>
        public bool FailFirstAttempts { get; set; }

        private readonly HashSet<string> _seenDeliveries = [];

        public List<(string Text, JsonDocument Body, string Signature, string Timestamp)> Received { get; } = [];

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                var text = await reader.ReadToEndAsync();
                bool firstAttempt;
                lock (Received)
                {
                    Received.Add((text, JsonDocument.Parse(text), context.Request.Headers[AlarmWebhookSender.SignatureHeader]!, context.Request.Headers[AlarmWebhookSender.TimestampHeader]!));
                    firstAttempt = _seenDeliveries.Add(context.Request.Headers["X-BIS-Delivery"]!);
                }

                context.Response.StatusCode = FailFirstAttempts && firstAttempt ? 500 : 204;
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
