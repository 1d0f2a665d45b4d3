namespace BIS.Ingest.Sources.Common;

/// <summary>City exports write local wall-clock time with no offset; this pins them to America/New_York.</summary>
public static class BostonTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>
    /// The instant of a naive local time. A time inside the spring-forward gap or the repeated fall-back hour
    /// gets the standard-time offset (what <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> does); the exports
    /// carry no hint that would do better.
    /// </summary>
    public static DateTimeOffset At(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>Local midnight starting the day: what a date-only "as of" means.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date.ToDateTime(TimeOnly.MinValue));

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "America/New_York", "Eastern Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        // No tz database on the machine: US Eastern rules since 2007, so city timestamps still get the right offset.
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("America/New_York", TimeSpan.FromHours(-5), "Eastern", "EST", "EDT", [rule]);
    }
}
