using BIS.Domain.Addresses;
using BIS.Domain.Geo;

namespace BIS.Ingest.Sources.Common;

/// <summary>The rule every building-bound feed shares: a row that nothing can tie to a place is rejected.</summary>
public static class Locating
{
    /// <summary>Null when the row has an address, usable coordinates, a parcel id or an address id; otherwise the reason.</summary>
    public static string? CannotBeLocated(NormalizedAddress? address, CleanedCoordinate coordinate, string? parcelId, string? addressId) =>
        address is null && coordinate.Point is null && parcelId is null && addressId is null
            ? $"cannot be located: no address, no usable coordinates ({coordinate.Problem}), no parcel or address id"
            : null;

    /// <summary>
    /// Warns when the row wrote a coordinate pair that could not be used (the City Hall placeholder, a point
    /// outside the service area, text that is not a number) although it is located some other way.
    /// </summary>
    public static void WarnOfUnusedCoordinates(FieldWarnings warnings, CleanedCoordinate coordinate)
    {
        if (coordinate.Point is null && coordinate.Problem is { } problem && problem != CoordinateCleaner.NoCoordinates)
        {
            warnings.AddWhole($"coordinates unusable: {problem}; located by address or id instead");
        }
    }

    /// <summary>Fills city (upper case, as the normalizer writes it) and ZIP from separate columns without overwriting what the normalizer found in the text.</summary>
    public static NormalizedAddress? WithCityZip(NormalizedAddress? address, string? city, string? zip) =>
        address is null ? null : address with { City = address.City ?? city?.ToUpperInvariant(), Zip = address.Zip ?? zip };

    /// <summary>
    /// <paramref name="preferred"/> when it has a usable point; otherwise the fallback pair when that one is usable
    /// or the preferred pair was simply not written, so a rejection names the problem of a pair the row has.
    /// </summary>
    public static CleanedCoordinate PreferUsable(CleanedCoordinate preferred, Func<CleanedCoordinate> fallback)
    {
        if (preferred.Point is not null)
        {
            return preferred;
        }

        var other = fallback();
        return other.Point is not null || preferred.Problem == CoordinateCleaner.NoCoordinates ? other : preferred;
    }
}
