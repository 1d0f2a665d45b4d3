using System.Globalization;

namespace BIS.Web.Steward;

/// <summary>Times on the steward board, in the server's time zone as on the dispatch console; the date only when not today.</summary>
public static class BoardTime
{
    public static string Format(DateTimeOffset at)
    {
        var local = at.ToLocalTime();
        return local.Date == DateTime.Now.Date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("MMM d HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"42 min", "5.2 h", "3.1 d".</summary>
    public static string Age(double hours) => hours switch
    {
        < 1 => $"{hours * 60:0} min",
        < 48 => $"{hours:0.#} h",
        _ => $"{hours / 24:0.#} d",
    };
}
