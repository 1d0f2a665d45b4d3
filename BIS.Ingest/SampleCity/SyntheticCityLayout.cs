namespace BIS.Ingest.SampleCity;

/// <summary>
/// A made-up city near Boston: a grid of blocks, each block two rows of ten lots back to back.
/// Lots front the east–west streets (odd numbers on the north side, even on the south); the
/// north–south streets are numbered cross streets. The grid grows with the building count and
/// is squeezed, if it must be, to stay within 42.30–42.40 N, 71.20–71.00 W.
/// </summary>
internal sealed class SyntheticCityLayout
{
    public const int LotsPerSide = 10;
    public const int LotsPerBlock = 2 * LotsPerSide;
    private const double LotWidth = 12;
    private const double LotDepth = 30;
    private const double StreetWidth = 15;
    private const double CellWidth = LotsPerSide * LotWidth + StreetWidth;
    private const double CellHeight = 2 * LotDepth + StreetWidth;
    private const double AvailableWidth = 16_400;
    private const double AvailableHeight = 11_100;

    /// <summary>Suffixes of the first street to bear each name: mostly "ST".</summary>
    private static readonly string[] FirstSuffixes = ["ST", "AV", "RD", "ST", "PL", "TE", "ST", "WY", "CT", "ST", "DR", "LA", "PK", "BL"];

    /// <summary>Later streets reuse a name with another suffix ("SUMNER ST", then "SUMNER PL").</summary>
    private static readonly string[] DistinctSuffixes = ["ST", "AV", "RD", "PL", "TE", "WY", "CT", "DR", "LA", "PK", "BL", "SQ", "CI", "RO"];

    private readonly string[] _baseNames = Names.Streets.Distinct(StringComparer.Ordinal).ToArray();

    public SyntheticCityLayout(int buildings)
    {
        Buildings = buildings;
        var blocks = (buildings + LotsPerBlock - 1) / LotsPerBlock;
        // Keep the city's shape near the available box's (about 1.5 : 1 wide).
        Rows = Math.Max(1, (int)Math.Round(Math.Sqrt(blocks * CellWidth / (CellHeight * 1.48))));
        Columns = (blocks + Rows - 1) / Rows;
        Scale = Math.Min(1.0, Math.Min(AvailableWidth / (Columns * CellWidth), AvailableHeight / (Rows * CellHeight)));
        Projection = new LocalMeters(42.35, -71.10);
        OriginX = -Columns * CellWidth * Scale / 2;
        OriginY = -Rows * CellHeight * Scale / 2;
    }

    public int Buildings { get; }
    public int Rows { get; }
    public int Columns { get; }
    public double Scale { get; }
    public LocalMeters Projection { get; }
    private double OriginX { get; }
    private double OriginY { get; }

    /// <summary>East–west streets: one more than block rows.</summary>
    public int StreetCount => Rows + 1;

    public (int BlockRow, int BlockColumn, int Side, int Position) Locate(int building)
    {
        var block = building / LotsPerBlock;
        var slot = building % LotsPerBlock;
        return (block / Columns, block % Columns, slot / LotsPerSide, slot % LotsPerSide);
    }

    /// <summary>The east–west street a lot fronts and its house number there.</summary>
    public (int Street, int Number) AddressOf(int building)
    {
        var (row, column, side, position) = Locate(building);
        var along = column * LotsPerSide + position;
        return side == 0 ? (row, 2 * along + 1) : (row + 1, 2 * along + 2);
    }

    public (string Name, string Suffix) StreetName(int street)
    {
        var nameIndex = street % _baseNames.Length;
        var round = street / _baseNames.Length;
        var first = FirstSuffixes[nameIndex * 3 % FirstSuffixes.Length];
        if (round >= DistinctSuffixes.Length)
        {
            throw new InvalidOperationException("The synthetic city has run out of street names; use fewer buildings.");
        }

        return (_baseNames[nameIndex], DistinctSuffixes[(Array.IndexOf(DistinctSuffixes, first) + round) % DistinctSuffixes.Length]);
    }

    public static string CrossStreetName(int column) => Ordinal(column + 1) + " ST";

    public LotZone ZoneOf(int building)
    {
        var (row, column, side, _) = Locate(building);
        var street = side == 0 ? row : row + 1;
        var dx = (column + 0.5) / Columns - 0.5;
        var dy = (row + 0.5) / Rows - 0.5;
        if (Columns >= 8 && column >= Columns - Math.Max(1, Columns / 12))
        {
            return LotZone.Waterfront;
        }

        if (Columns >= 6 && dx * dx + dy * dy < 0.012)
        {
            return LotZone.Downtown;
        }

        return street % 6 == 3 ? LotZone.MainStreet : LotZone.Residential;
    }

    /// <summary>The lot, in local metres.</summary>
    public (double X0, double Y0, double X1, double Y1) Lot(int building)
    {
        var (row, column, side, position) = Locate(building);
        var x0 = OriginX + (column * CellWidth + StreetWidth / 2 + position * LotWidth) * Scale;
        var y0 = OriginY + (row * CellHeight + StreetWidth / 2 + side * LotDepth) * Scale;
        return (x0, y0, x0 + LotWidth * Scale, y0 + LotDepth * Scale);
    }

    /// <summary>A building on the lot set back from the street; <paramref name="coverage"/> is the share of lot depth it fills.</summary>
    public (double X0, double Y0, double X1, double Y1) Footprint(int building, double coverage)
    {
        var (x0, y0, x1, y1) = Lot(building);
        var side = Locate(building).Side;
        var setback = 3 * Scale;
        var depth = (y1 - y0 - setback) * coverage;
        var inset = 1.2 * Scale;
        return side == 0
            ? (x0 + inset, y0 + setback, x1 - inset, y0 + setback + depth)
            : (x0 + inset, y1 - setback - depth, x1 - inset, y1 - setback);
    }

    /// <summary>A garage or shed at the back of the lot.</summary>
    public (double X0, double Y0, double X1, double Y1) RearBuilding(int building)
    {
        var (x0, y0, x1, y1) = Lot(building);
        var side = Locate(building).Side;
        var size = 5.5 * Scale;
        return side == 0 ? (x1 - 1 * Scale - size, y1 - 1 * Scale - size, x1 - 1 * Scale, y1 - 1 * Scale) : (x0 + 1 * Scale, y0 + 1 * Scale, x0 + 1 * Scale + size, y0 + 1 * Scale + size);
    }

    public DegreeBox ToDegrees((double X0, double Y0, double X1, double Y1) meters)
    {
        var (south, west) = Projection.ToDegrees(meters.X0, meters.Y0);
        var (north, east) = Projection.ToDegrees(meters.X1, meters.Y1);
        return new DegreeBox(south, west, north, east);
    }

    /// <summary>Hydrants at every intersection and halfway along each block face: about one per 100 m of street.</summary>
    public IEnumerable<HydrantSite> HydrantSites()
    {
        for (var street = 0; street < StreetCount; street++)
        {
            var (name, suffix) = StreetName(street);
            var streetY = OriginY + street * CellHeight * Scale;
            for (var column = 0; column <= Columns; column++)
            {
                var crossX = OriginX + column * CellWidth * Scale;
                var (lat, lon) = Projection.ToDegrees(crossX + 5 * Scale, streetY + 5 * Scale);
                yield return new HydrantSite(lat, lon, $"{name} {StreetAddress.UspsSuffix(suffix)} & {CrossStreetName(column)}");
                if (column < Columns)
                {
                    var along = column * LotsPerSide + LotsPerSide / 2;
                    (lat, lon) = Projection.ToDegrees(crossX + CellWidth * Scale / 2, streetY - 5 * Scale);
                    yield return new HydrantSite(lat, lon, $"OPP {2 * along + 1} {name} {StreetAddress.UspsSuffix(suffix)}");
                }
            }
        }
    }

    private static string Ordinal(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + (n % 100 is 11 or 12 or 13 ? "TH" : (n % 10) switch
    {
        1 => "ST",
        2 => "ND",
        3 => "RD",
        _ => "TH",
    });
}
