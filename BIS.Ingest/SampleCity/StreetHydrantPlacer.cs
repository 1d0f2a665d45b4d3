using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// Puts hydrants where a real city has them: at the fire alarm boxes (which sit at street corners)
/// and about every 100 m along the streets, found as the gaps between parcel fronts — points outside
/// every parcel with parcels close by on opposite sides.
/// </summary>
internal sealed class StreetHydrantPlacer
{
    private const double GridStep = 12;
    private const double FrontReach = 20;
    // Radial, so it also thins hydrants on parallel streets one block apart: about 100 m along a street.
    private const double Spacing = 70;

    private readonly IReadOnlyList<Geometry> _parcels;
    private readonly IReadOnlyList<string?> _streetNames;
    private readonly LocalMeters _projection;
    private readonly STRtree<int> _index = new();
    private readonly IPointOnGeometryLocator?[] _locators;
    private readonly Dictionary<(int, int), List<(double X, double Y)>> _placed = [];

    /// <param name="parcels">Parcel shapes in local metres.</param>
    /// <param name="streetNames">Street each parcel is addressed on, for the hydrant's location text.</param>
    public StreetHydrantPlacer(IReadOnlyList<Geometry> parcels, IReadOnlyList<string?> streetNames, LocalMeters projection)
    {
        _parcels = parcels;
        _streetNames = streetNames;
        _projection = projection;
        _locators = new IPointOnGeometryLocator?[parcels.Count];
        for (var i = 0; i < parcels.Count; i++)
        {
            _index.Insert(parcels[i].EnvelopeInternal, i);
        }

        _index.Build();
    }

    public List<HydrantSite> Place(IReadOnlyList<AlarmBox> boxes, Envelope streetArea, Random random)
    {
        var sites = new List<HydrantSite>();
        foreach (var box in boxes)
        {
            // A hydrant a few metres from the box, on the same corner.
            var (bx, by) = _projection.ToMeters(box.Latitude, box.Longitude);
            var angle = random.NextDouble() * 2 * Math.PI;
            var distance = random.Between(3.0, 9.0);
            Add(sites, bx + distance * Math.Cos(angle), by + distance * Math.Sin(angle), box.Location);
        }

        for (var y = streetArea.MinY; y <= streetArea.MaxY; y += GridStep)
        {
            for (var x = streetArea.MinX; x <= streetArea.MaxX; x += GridStep)
            {
                if (IsNearPlaced(x, y) || StreetFront(x, y) is not { } front)
                {
                    continue;
                }

                Add(sites, x, y, front);
            }
        }

        return sites;
    }

    /// <summary>The street a point between parcel fronts lies on; null when the point is not in a street.</summary>
    private string? StreetFront(double x, double y)
    {
        var point = new Point(x, y);
        var candidates = _index.Query(new Envelope(x - FrontReach, x + FrontReach, y - FrontReach, y + FrontReach));
        var nearest = double.MaxValue;
        var nearestParcel = -1;
        var directions = new List<(double Dx, double Dy)>();
        foreach (var i in candidates)
        {
            var locator = _locators[i] ??= new IndexedPointInAreaLocator(_parcels[i]);
            if (locator.Locate(point.Coordinate) != Location.Exterior)
            {
                return null;
            }

            var closest = DistanceOp.NearestPoints(_parcels[i], point)[0];
            var (dx, dy) = (closest.X - x, closest.Y - y);
            var distance = Math.Sqrt(dx * dx + dy * dy);
            if (distance > FrontReach || distance < 1e-6)
            {
                continue;
            }

            directions.Add((dx / distance, dy / distance));
            if (distance < nearest)
            {
                (nearest, nearestParcel) = (distance, i);
            }
        }

        if (nearest > 10)
        {
            return null;
        }

        for (var a = 0; a < directions.Count; a++)
        {
            for (var b = a + 1; b < directions.Count; b++)
            {
                if (directions[a].Dx * directions[b].Dx + directions[a].Dy * directions[b].Dy < -0.5)
                {
                    return _streetNames[nearestParcel] ?? string.Empty;
                }
            }
        }

        return null;
    }

    private void Add(List<HydrantSite> sites, double x, double y, string location)
    {
        var cell = ((int)Math.Floor(x / Spacing), (int)Math.Floor(y / Spacing));
        if (!_placed.TryGetValue(cell, out var list))
        {
            _placed[cell] = list = [];
        }

        list.Add((x, y));
        var (lat, lon) = _projection.ToDegrees(x, y);
        sites.Add(new HydrantSite(lat, lon, location.Length == 0 ? null : location));
    }

    private bool IsNearPlaced(double x, double y)
    {
        var (cx, cy) = ((int)Math.Floor(x / Spacing), (int)Math.Floor(y / Spacing));
        for (var i = cx - 1; i <= cx + 1; i++)
        {
            for (var j = cy - 1; j <= cy + 1; j++)
            {
                if (_placed.TryGetValue((i, j), out var list))
                {
                    foreach (var (px, py) in list)
                    {
                        if ((px - x) * (px - x) + (py - y) * (py - y) < Spacing * Spacing)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }
}
