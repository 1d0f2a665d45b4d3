using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Web.Tests.Steward;

/// <summary>A run in progress tells the board its phase and rows so far through the ledger and NOTIFY, whatever process runs it.</summary>
public sealed class BoardProgressTests(BoardProgressTests.ProgressFactory factory) : IClassFixture<BoardProgressTests.ProgressFactory>
{
    /// <summary>Progress written every 50 ms rather than every second: the counts seen while reading do not depend on how busy the machine is.</summary>
    public sealed class ProgressFactory : BisWebFactory
    {
        protected override Dictionary<string, string?> FeedSettings()
        {
            var settings = base.FeedSettings();
            settings["Ingest:ProgressInterval"] = "00:00:00.050";
            return settings;
        }
    }

    [Fact]
    public async Task Rows_so_far_move_during_the_read_and_stage_of_a_big_file_and_each_step_is_announced()
    {
        const int rows = 100_000;
        BoardFeedFiles.WriteBigViolations(factory.City, rows);
        await using var listener = await factory.Database.DataSource.OpenConnectionAsync();
        var notices = 0;
        listener.Notification += (_, e) =>
        {
            if (e.Payload == "violations")
            {
                Interlocked.Increment(ref notices);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {RunProgress.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var run = Task.Run(() => factory.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None));
        var seen = new List<(string Phase, long Rows)>();
        while (!run.IsCompleted)
        {
            await using var read = factory.Database.DataSource.CreateCommand(
                "SELECT phase, rows_so_far FROM feed_run WHERE feed = 'violations' AND status = 'running' AND rows_so_far IS NOT NULL");
            await using var reader = await read.ExecuteReaderAsync();
            if (await reader.ReadAsync() && !reader.IsDBNull(0))
            {
                seen.Add((reader.GetString(0), reader.GetInt64(1)));
            }

            await Task.Delay(20);
        }

        var result = await run;
        Assert.Equal(FeedRunStatus.Succeeded, result.Status);
        Assert.Equal(rows, result.RowsRead);
        var duringRead = seen.Where(s => s.Phase is "reading" or "staging").Select(s => s.Rows).Distinct().ToList();
        Assert.True(duringRead.Count(r => r is > 0 and < rows) >= 2, $"rows so far seen while reading and staging: {string.Join(", ", seen)}");
        Assert.True(duringRead.SequenceEqual(duringRead.Order()), "rows so far went back: " + string.Join(", ", duringRead));

        // Start, each phase, each count and the end were announced, then the listener heard them all.
        while (await listener.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            // Each wait takes the notices already on the wire.
        }

        Assert.True(Volatile.Read(ref notices) >= 4 + duringRead.Count, $"{notices} notices");
    }
}
