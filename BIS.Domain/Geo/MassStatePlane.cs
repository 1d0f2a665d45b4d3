using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace BIS.Domain.Geo;

/// <summary>
/// Massachusetts State Plane, Mainland zone, NAD83, US survey feet (EPSG:2249): the CRS of Boston's SAM
/// addresses, permit gpsx/gpsy and BWSC hydrant POINT_X/POINT_Y. NAD83 is taken as WGS84 (they differ by
/// about a metre here, far below what dispatch needs).
/// </summary>
public static class MassStatePlane
{
    // EPSG:2249 as published by EPSG; false easting/northing are 200 000 m / 750 000 m written in US feet.
    private const string Wkt = """
        PROJCS["NAD83 / Massachusetts Mainland (ftUS)",
          GEOGCS["NAD83",
            DATUM["North_American_Datum_1983",SPHEROID["GRS 1980",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0]],
            PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],
          PROJECTION["Lambert_Conformal_Conic_2SP"],
          PARAMETER["standard_parallel_1",42.68333333333333],
          PARAMETER["standard_parallel_2",41.71666666666667],
          PARAMETER["latitude_of_origin",41],
          PARAMETER["central_meridian",-71.5],
          PARAMETER["false_easting",656166.667],
          PARAMETER["false_northing",2460625],
          UNIT["US survey foot",0.3048006096012192],
          AXIS["X",EAST],AXIS["Y",NORTH],
          AUTHORITY["EPSG","2249"]]
        """;

    private static readonly Lock Gate = new();
    private static readonly MathTransform ToGeographic;
    private static readonly MathTransform ToProjected;

    static MassStatePlane()
    {
        var statePlane = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Wkt);
        var transform = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, statePlane);
        ToProjected = transform.MathTransform;
        ToGeographic = transform.MathTransform.Inverse();
    }

    /// <summary>
    /// True when the pair is where Massachusetts Mainland State Plane feet fall (the state spans roughly
    /// X 100k–1.1M, Y 2.5M–3.1M; the window is kept to eastern Massachusetts so that no other number pair
    /// is mistaken for feet).
    /// </summary>
    public static bool LooksLikeFeet(double x, double y) =>
        x is >= 500_000 and <= 1_000_000 && y is >= 2_700_000 and <= 3_200_000;

    public static (double Latitude, double Longitude) ToWgs84(double x, double y)
    {
        double[] result;
        lock (Gate)
        {
            result = ToGeographic.Transform([x, y]);
        }

        return (result[1], result[0]);
    }

    public static (double X, double Y) FromWgs84(double latitude, double longitude)
    {
        double[] result;
        lock (Gate)
        {
            result = ToProjected.Transform([longitude, latitude]);
        }

        return (result[0], result[1]);
    }

    /// <summary>Copy of <paramref name="geometry"/> with every vertex converted from State Plane feet to WGS84 lon/lat.</summary>
    public static Geometry ToWgs84(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ToWgs84Filter());
        copy.GeometryChanged();
        return Wgs84.Factory.CreateGeometry(copy);
    }

    private sealed class ToWgs84Filter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (lat, lon) = ToWgs84(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, lon);
                seq.SetY(i, lat);
            }
        }
    }
}
