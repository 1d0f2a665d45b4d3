using System.Globalization;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// How often generated rows carry the faults real exports have. One set of ratios for the sample
/// and the synthetic city; small files get the rarer faults at least a few times so every file
/// exercises every path of a reader.
/// </summary>
internal sealed record Messiness
{
    /// <summary>The City Hall point geocoders fall back to; the readers treat it as "no coordinates".</summary>
    public const double CityHallLatitude = 42.3594;
    public const double CityHallLongitude = -71.0587;

    /// <summary>Address written differently than assessing has it ("Street" for "ST", title case, range dash…).</summary>
    public double AddressVariant { get; init; } = 0.12;
    public double LowerCase { get; init; } = 0.03;
    public double UnitSuffix { get; init; } = 0.04;
    public double ZipWithoutLeadingZero { get; init; } = 0.01;
    public double SwappedLatLon { get; init; } = 0.004;
    public double CityHallPlaceholder { get; init; } = 0.004;
    public double MissingCoordinates { get; init; } = 0.01;
    public double Duplicate { get; init; } = 0.003;
    /// <summary>Rows without their id, per data row (at least two per file).</summary>
    public double Garbage { get; init; } = 0.0001;

    /// <summary>The ratios for a file of about <paramref name="expectedRows"/> rows.</summary>
    public static Messiness For(long expectedRows)
    {
        var floor = expectedRows <= 0 ? 0.05 : Math.Min(0.05, 3.0 / expectedRows);
        var defaults = new Messiness();
        return defaults with
        {
            ZipWithoutLeadingZero = Math.Max(defaults.ZipWithoutLeadingZero, floor),
            SwappedLatLon = Math.Max(defaults.SwappedLatLon, floor),
            CityHallPlaceholder = Math.Max(defaults.CityHallPlaceholder, floor),
            MissingCoordinates = Math.Max(defaults.MissingCoordinates, floor),
            Duplicate = Math.Max(defaults.Duplicate, floor),
        };
    }

    /// <summary>Garbage rows to put in a file of <paramref name="rows"/> rows.</summary>
    public int GarbageRows(long rows) => (int)Math.Max(2, Math.Round(rows * Garbage));

    public string Zip(Random random, string zip) =>
        zip.StartsWith('0') && random.Chance(ZipWithoutLeadingZero) ? zip.TrimStart('0') : zip;

    /// <summary>Latitude and longitude text with the usual geocoding faults mixed in.</summary>
    public (string? Latitude, string? Longitude) LatLon(Random random, double latitude, double longitude)
    {
        var roll = random.NextDouble();
        if (roll < MissingCoordinates)
        {
            return (null, null);
        }

        roll -= MissingCoordinates;
        if (roll < CityHallPlaceholder)
        {
            return (Formats.Coordinate(CityHallLatitude, 4), Formats.Coordinate(CityHallLongitude, 4));
        }

        roll -= CityHallPlaceholder;
        return roll < SwappedLatLon
            ? (Formats.Coordinate(longitude), Formats.Coordinate(latitude))
            : (Formats.Coordinate(latitude), Formats.Coordinate(longitude));
    }
}

/// <summary>Invariant text forms used in every generated file.</summary>
internal static class Formats
{
    public static string Coordinate(double value, int decimals = 7) =>
        Math.Round(value, decimals).ToString("0.0######", CultureInfo.InvariantCulture);

    public static string Feet(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value, int decimals) =>
        Math.Round(value, decimals).ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string UsDate(DateOnly date) => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Boston's export timestamp form, "2024-10-18 10:50:49" (naive local time).</summary>
    public static string Timestamp(DateOnly date, Random random) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " +
        new TimeOnly(random.Between(7, 17), random.Next(60), random.Next(60)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"$12,500.00", the way ISD writes valuations and fees.</summary>
    public static string Dollars(decimal value) => value.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    public static string Title(string upper) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(upper.ToLowerInvariant());
}
