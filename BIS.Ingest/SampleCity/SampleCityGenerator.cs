using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// Builds the embedded sample city, East Boston (Boston ward 1), from the real public files: parcels,
/// footprints, violations, 2012 fire incidents and the zoning-appeal tracker are used as they are;
/// the assessment file, approved building permits, hazmat permits, hydrants and inspection plans are
/// generated on the real parcels (and named "(synthetic)" in their source names).
/// </summary>
public static class SampleCityGenerator
{
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 1);

    /// <summary>Streets along the working waterfront and the airport edge: fuel, fish, warehouses.</summary>
    private static readonly HashSet<string> WaterfrontStreets = new(StringComparer.Ordinal)
    {
        "BORDER", "MARGINAL", "NEW", "CONDOR", "E EAGLE", "EAST EAGLE", "ADDISON", "WM F MCCLELLAN", "WILLIAM F MCCLELLAN",
        "PORTER", "GOVE", "LOVELL", "LEWIS", "HARBORSIDE", "TRANSPORTATION", "SHIPYARD", "PIER", "ORLEANS",
    };

    /// <summary>Neighbourhood main streets with shops under flats.</summary>
    private static readonly HashSet<string> MainStreets = new(StringComparer.Ordinal) { "MERIDIAN", "MAVERICK", "CENTRAL", "DAY" };

    /// <summary>Long streets that are main streets only near the squares.</summary>
    private static readonly HashSet<string> PartlyMainStreets = new(StringComparer.Ordinal) { "BENNINGTON", "SARATOGA", "CHELSEA", "BORDER" };

    /// <param name="realDataDirectory">Directory holding the real files (infra/sample-city/real).</param>
    /// <param name="outputDirectory">Where the generated files and <c>feeds.json</c> go.</param>
    /// <param name="asOf">Reference date of the data ("today" for statuses and dates); 2026-11-01 by default.</param>
    public static FeedFileSet Generate(string realDataDirectory, string outputDirectory, int seed = 1, DateOnly? asOf = null)
    {
        var date = asOf ?? DefaultAsOf;
        var inputs = SampleCityInputs.Load(realDataDirectory);
        Directory.CreateDirectory(outputDirectory);
        string Real(string name) => Path.GetFullPath(Path.Combine(realDataDirectory, name));
        string Out(string name) => Path.GetFullPath(Path.Combine(outputDirectory, name));

        var projection = new LocalMeters(42.375, -71.03);
        var shapes = inputs.Parcels.Select(p => ToMeters(p.Shape, projection)).ToList();
        var city = BuildCity(inputs, shapes, projection, seed, date);
        var n = city.Count;

        var assessment = AssessmentCsv.Write(Out("property_assessment.csv"), city, RandomChoices.ForFeed(seed, "assessment"), date);

        var permitsRandom = RandomChoices.ForFeed(seed, "building-permits");
        var permits = ApprovedPermitsCsv.Write(
            Out("approved_building_permits.csv"), city,
            permitsRandom.Allocate(city.Select(b => 1 + 0.5 * b.Significance).ToArray(), 0.05 * n), permitsRandom, date);

        var hazmatRandom = RandomChoices.ForFeed(seed, "hazmat-permits");
        var hazmat = HazmatPermitsCsv.Write(
            Out("hazmat_permits.csv"), city,
            hazmatRandom.SelectExactly(city.Select(b => HazmatCatalog.Weight(b.Profile)).ToArray(), (int)Math.Round(0.025 * n)), hazmatRandom, date);

        var hydrantsRandom = RandomChoices.ForFeed(seed, "hydrants");
        var sites = new StreetHydrantPlacer(shapes, city.Select(b => b.Address.Number.Length > 0 ? "NR " + b.Address : b.Address.ToString()).ToList(), projection)
            .Place(inputs.WardAlarmBoxes, StreetArea(shapes), hydrantsRandom);
        var hydrants = HydrantsCsv.Write(Out("hydrants.csv"), sites, hydrantsRandom, date, "EB");

        var inspectionsRandom = RandomChoices.ForFeed(seed, "inspections");
        var inspections = InspectionsJson.Write(
            Out("inspections.json"), city,
            inspectionsRandom.SelectExactly(city.Select(b => b.Significance * (b.HasUnsafeViolation ? 4 : 1)).ToArray(), (int)Math.Round(0.15 * n)),
            inspectionsRandom, date);

        GeneratedFile RealFile(string role, string name, long rows) => new(role, Real(name), rows, Generated: false);
        const string Synthetic = " (synthetic)";
        var set = new FeedFileSet(outputDirectory, "sample", seed, date,
        [
            new GeneratedFeed("assessing", "Boston Assessing, East Boston — FY2013 parcels and footprints (real), assessment" + Synthetic,
            [
                RealFile("parcels", SampleCityFiles.Parcels, inputs.ParcelFeatures),
                RealFile("footprints", SampleCityFiles.Footprints, inputs.Footprints.Count),
                assessment,
            ]),
            new GeneratedFeed("building-permits", "Boston ISD — Zoning Board of Appeal tracker (real), Approved Building Permits" + Synthetic,
            [
                RealFile("permits", SampleCityFiles.ZoningAppeals, CsvFiles.CountRows(Real(SampleCityFiles.ZoningAppeals))),
                permits,
            ]),
            new GeneratedFeed("violations", "Boston ISD Building and Property Violations (real, 2024 pull)",
                [RealFile("violations", SampleCityFiles.Violations, inputs.Violations.Count)]),
            new GeneratedFeed("hazmat-permits", "BFD Fire Prevention hazardous-materials permits" + Synthetic, [hazmat]),
            new GeneratedFeed("fire-incidents", "BFD fire incidents 2012, geocoded extract (real)",
                [RealFile("incidents", SampleCityFiles.FireIncidents, CsvFiles.CountRows(Real(SampleCityFiles.FireIncidents)))]),
            new GeneratedFeed("hydrants", "BWSC hydrants, East Boston" + Synthetic, [hydrants]),
            new GeneratedFeed("inspections", "BFD inspections and pre-incident plans, East Boston" + Synthetic, [inspections]),
        ]);
        set.SaveManifest();
        return set;
    }

    private static List<CityBuilding> BuildCity(SampleCityInputs inputs, IReadOnlyList<Geometry> shapes, LocalMeters projection, int seed, DateOnly asOf)
    {
        var random = RandomChoices.ForFeed(seed, "city");
        var parcels = inputs.Parcels;
        var count = parcels.Count;
        var points = shapes.Select(s => s.InteriorPoint).ToArray();

        // Violations sit at parcel-centroid-like points: the parcel containing one gets its address and SAM id.
        var index = new STRtree<int>();
        for (var i = 0; i < count; i++)
        {
            index.Insert(shapes[i].EnvelopeInternal, i);
        }

        index.Build();
        var violationsAt = new List<RealViolation>[count];
        foreach (var violation in inputs.Violations)
        {
            if (violation.Latitude is not { } lat || violation.Longitude is not { } lon)
            {
                continue;
            }

            var (x, y) = projection.ToMeters(lat, lon);
            var point = new Point(x, y);
            var hit = index.Query(point.EnvelopeInternal).Where(i => shapes[i].Covers(point)).DefaultIfEmpty(-1).Min();
            if (hit >= 0)
            {
                (violationsAt[hit] ??= []).Add(violation);
            }
        }

        var footprintsByPid = inputs.Footprints.GroupBy(f => f.Pid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var addresses = new StreetAddress?[count];
        var streetOnly = new StreetAddress?[count];
        for (var i = 0; i < count; i++)
        {
            var fromFootprints = footprintsByPid.GetValueOrDefault(parcels[i].Pid)?
                .Select(f => StreetAddress.Parse(f.Address)).OfType<StreetAddress>().ToList() ?? [];
            addresses[i] = fromFootprints.FirstOrDefault(a => a.Number.Length > 0) ?? FromViolations(violationsAt[i]);
            streetOnly[i] = addresses[i] is null ? fromFootprints.FirstOrDefault() : null;
        }

        FillMissingAddresses(addresses, streetOnly, points, random);

        var city = new List<CityBuilding>(count);
        for (var i = 0; i < count; i++)
        {
            var pid = parcels[i].Pid;
            var address = addresses[i]!;
            var area = shapes[i].Area;
            var partlyMain = PartlyMainStreets.Contains(address.Street) && random.Chance(0.2);
            var zone = area > 15_000 ? LotZone.Large
                : WaterfrontStreets.Contains(address.Street) && !partlyMain ? LotZone.Waterfront
                : (MainStreets.Contains(address.Street) || partlyMain) && address.Suffix is not ("TE" or "PL" or "CT") ? LotZone.MainStreet
                : LotZone.Residential;
            var footprints = footprintsByPid.GetValueOrDefault(pid);
            BuildingProfile profile;
            if (inputs.SingleFamilyYearBuilt.TryGetValue(pid, out var singleFamilyYear))
            {
                // The derived assessment lists single-family (LUC 101) parcels only: keep that truth.
                profile = BuildingProfile.ForLandUse(random, "R1", zone, asOf).BuiltIn(singleFamilyYear);
            }
            else
            {
                profile = BuildingProfile.Draw(random, zone, asOf);
                if (footprints is not null && profile.IsVacantLand)
                {
                    // A building stands there: not vacant land.
                    profile = BuildingProfile.ForLandUse(random, profile.LandUse == "CL" ? "C" : "R2", zone, asOf);
                }

                if (footprints?.Select(f => f.YearBuilt).FirstOrDefault(y => y is not null) is { } footprintYear && !profile.IsVacantLand)
                {
                    profile = profile.BuiltIn(footprintYear);
                }
            }

            var (lat, lon) = projection.ToDegrees(points[i].X, points[i].Y);
            var violations = violationsAt[i] ?? [];
            var building = new CityBuilding
            {
                Pid = pid,
                Latitude = lat,
                Longitude = lon,
                Address = address,
                City = "EAST BOSTON",
                Zip = "02128",
                Profile = profile,
                Owner = string.Empty,
                Ward = 1,
                FireDistrict = "1",
                LotAreaSquareMeters = area,
                Zone = zone,
                SamId = violations.Select(v => v.SamId.EndsWith(".0", StringComparison.Ordinal) ? v.SamId[..^2] : v.SamId)
                    .Where(s => s.Length > 0).GroupBy(s => s, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault(),
                HasUnsafeViolation = violations.Any(v => v.Status == "Open" && v.Description.StartsWith("Unsafe", StringComparison.OrdinalIgnoreCase)),
            };
            building.AssignOwner(random, footprints?.Select(f => f.Owners).FirstOrDefault(o => o is not null));
            city.Add(building);
        }

        return city;
    }

    /// <summary>The address most violations at the parcel were filed under (ties: first seen).</summary>
    private static StreetAddress? FromViolations(List<RealViolation>? violations)
    {
        if (violations is null)
        {
            return null;
        }

        return violations
            .Select(v => FromViolation(v))
            .OfType<StreetAddress>()
            .Select((a, order) => (a, order))
            .GroupBy(p => p.a.ToString(), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(p => p.order))
            .Select(g => g.First().a)
            .FirstOrDefault();
    }

    private static StreetAddress? FromViolation(RealViolation v)
    {
        var street = v.Street.ToUpperInvariant();
        var number = v.Number.ToUpperInvariant();
        if (street.Length == 0 || number.Length == 0 || !char.IsAsciiDigit(number[0]))
        {
            return null;
        }

        string? high = v.NumberHigh.Length > 0 ? v.NumberHigh.ToUpperInvariant() : null;
        var dash = number.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            high ??= number[(dash + 1)..];
            number = number[..dash];
        }

        return new StreetAddress(number, high == number ? null : high, street, StreetAddress.CanonicalSuffix(v.Suffix));
    }

    /// <summary>
    /// Parcels no real file addresses get a plausible number on the street of the nearest addressed
    /// parcel (or on the street their footprint names): the neighbour's number plus two per ~10 m.
    /// </summary>
    private static void FillMissingAddresses(StreetAddress?[] addresses, StreetAddress?[] streetOnly, Point[] points, Random random)
    {
        var used = new HashSet<string>(addresses.OfType<StreetAddress>().Select(a => a.ToString()), StringComparer.Ordinal);
        var known = Enumerable.Range(0, addresses.Length).Where(i => addresses[i]?.LeadingNumber is not null).ToArray();
        if (known.Length == 0)
        {
            throw new InvalidDataException("No parcel in the real files has an address; cannot place the sample city's streets.");
        }

        for (var i = 0; i < addresses.Length; i++)
        {
            if (addresses[i] is not null)
            {
                continue;
            }

            var street = streetOnly[i];
            var neighbour = -1;
            var best = double.MaxValue;
            foreach (var k in known)
            {
                if (street is not null && addresses[k]!.Street != street.Street)
                {
                    continue;
                }

                var d = points[i].Distance(points[k]);
                if (d < best)
                {
                    (best, neighbour) = (d, k);
                }
            }

            if (neighbour < 0)
            {
                // The footprint's street has no numbered parcel: number it from 1.
                addresses[i] = Unused(street! with { Number = "1", Number2 = null }, used);
                continue;
            }

            var near = addresses[neighbour]!;
            var step = 2 * Math.Max(1, (int)Math.Round(best / 10));
            var number = near.LeadingNumber!.Value + (random.Chance(0.5) || near.LeadingNumber <= step ? step : -step);
            addresses[i] = Unused(new StreetAddress(number.ToString(CultureInfo.InvariantCulture), null, near.Street, street?.Suffix ?? near.Suffix), used);
        }
    }

    private static StreetAddress Unused(StreetAddress address, HashSet<string> used)
    {
        var number = address.LeadingNumber ?? 1;
        while (!used.Add(address.ToString()))
        {
            number += 2;
            address = address with { Number = number.ToString(CultureInfo.InvariantCulture) };
        }

        return address;
    }

    /// <summary>The built-up area worth searching for streets: the envelope of ordinary-sized lots.</summary>
    private static Envelope StreetArea(IReadOnlyList<Geometry> shapes)
    {
        var envelope = new Envelope();
        foreach (var shape in shapes.Where(s => s.Area < 5_000))
        {
            envelope.ExpandToInclude(shape.EnvelopeInternal);
        }

        return envelope;
    }

    private static Geometry ToMeters(Geometry shape, LocalMeters projection)
    {
        var copy = shape.Copy();
        copy.Apply(new ToMetersFilter(projection));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ToMetersFilter(LocalMeters projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = projection.ToMeters(seq.GetY(i), seq.GetX(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
