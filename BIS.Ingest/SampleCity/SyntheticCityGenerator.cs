namespace BIS.Ingest.SampleCity;

/// <summary>
/// Generates a made-up city of any size with all seven feeds in the formats of docs/feed-formats.md,
/// for benchmarks. Per N buildings: N assessment rows (plus N parcels and about N footprints),
/// 1.7 N violation rows, 0.75 N building permits, 0.75 N inspection plans, 0.55 N fire incidents,
/// 0.25 N hazmat permit rows and about 0.1 N hydrants — at least 5 N tabular rows. Deterministic
/// for a seed; files are streamed, so memory grows only with the building list.
/// </summary>
public static class SyntheticCityGenerator
{
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 1);

    private static readonly (string Zip, string Neighbourhood)[] Zips =
    [
        ("02128", "EAST BOSTON"), ("02129", "CHARLESTOWN"), ("02113", "BOSTON"), ("02114", "BOSTON"), ("02116", "BOSTON"),
        ("02118", "BOSTON"), ("02119", "ROXBURY"), ("02120", "ROXBURY"), ("02121", "DORCHESTER"), ("02122", "DORCHESTER"),
        ("02124", "DORCHESTER"), ("02125", "DORCHESTER"), ("02126", "MATTAPAN"), ("02127", "SOUTH BOSTON"), ("02130", "JAMAICA PLAIN"),
        ("02131", "ROSLINDALE"), ("02132", "WEST ROXBURY"), ("02134", "ALLSTON"), ("02135", "BRIGHTON"), ("02136", "HYDE PARK"),
        ("02210", "SOUTH BOSTON"), ("02215", "BOSTON"),
    ];

    public static FeedFileSet Generate(string outputDirectory, int buildings, int seed = 1, DateOnly? asOf = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buildings, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buildings, 5_000_000);
        var date = asOf ?? DefaultAsOf;
        Directory.CreateDirectory(outputDirectory);
        var layout = new SyntheticCityLayout(buildings);
        var city = BuildCity(layout, seed, date);
        string PathOf(string name) => Path.GetFullPath(Path.Combine(outputDirectory, name));

        var (parcels, footprints) = WriteGeoJson(layout, city, PathOf("parcels.geojson"), PathOf("building_footprints.geojson"), seed);
        var assessment = AssessmentCsv.Write(PathOf("property_assessment.csv"), city, RandomChoices.ForFeed(seed, "assessment"), date);

        var violationsRandom = RandomChoices.ForFeed(seed, "violations");
        var violations = ViolationsCsv.Write(
            PathOf("building_property_violations.csv"), city,
            violationsRandom.Allocate(city.Select(b => ViolationWeight(b.Profile)).ToArray(), 1.7 * buildings), violationsRandom, date);

        var permitsRandom = RandomChoices.ForFeed(seed, "building-permits");
        var permits = ApprovedPermitsCsv.Write(
            PathOf("approved_building_permits.csv"), city,
            permitsRandom.Allocate(city.Select(b => 1 + 0.5 * b.Significance).ToArray(), 0.75 * buildings), permitsRandom, date);

        var hazmatRandom = RandomChoices.ForFeed(seed, "hazmat-permits");
        var hazmat = HazmatPermitsCsv.Write(
            PathOf("hazmat_permits.csv"), city,
            hazmatRandom.Allocate(city.Select(b => HazmatCatalog.Weight(b.Profile)).ToArray(), 0.25 * buildings / 1.6), hazmatRandom, date);

        var fireRandom = RandomChoices.ForFeed(seed, "fire-incidents");
        var incidents = FireIncidentsCsv.Write(
            PathOf("fire_incidents.csv"), city,
            fireRandom.Allocate(city.Select(b => b.Profile.IsVacantLand ? 0.2 : b.Profile.ResidentialUnits >= 3 ? 1.5 : 1.0).ToArray(), 0.53 * buildings), fireRandom, date);

        var hydrants = HydrantsCsv.Write(PathOf("hydrants.csv"), layout.HydrantSites().ToList(), RandomChoices.ForFeed(seed, "hydrants"), date, "H");

        // Written after the violations: vacant markings follow open unsafe-structure cases.
        var inspectionsRandom = RandomChoices.ForFeed(seed, "inspections");
        var inspections = InspectionsJson.Write(
            PathOf("inspections.json"), city,
            inspectionsRandom.Allocate(city.Select(b => b.Significance * (b.HasUnsafeViolation ? 3 : 1)).ToArray(), 0.75 * buildings), inspectionsRandom, date);

        const string Synthetic = " (synthetic)";
        var set = new FeedFileSet(outputDirectory, "synthetic", seed, date,
        [
            new GeneratedFeed("assessing", "Assessing — synthetic city parcels, footprints and assessment" + Synthetic, [parcels, footprints, assessment]),
            new GeneratedFeed("building-permits", "ISD Approved Building Permits" + Synthetic, [permits]),
            new GeneratedFeed("violations", "ISD Building and Property Violations" + Synthetic, [violations]),
            new GeneratedFeed("hazmat-permits", "BFD Fire Prevention hazardous-materials permits" + Synthetic, [hazmat]),
            new GeneratedFeed("fire-incidents", "BFD Fire Incident Reporting (NFIRS)" + Synthetic, [incidents]),
            new GeneratedFeed("hydrants", "BWSC hydrants" + Synthetic, [hydrants]),
            new GeneratedFeed("inspections", "BFD inspections and pre-incident plans" + Synthetic, [inspections]),
        ]);
        set.SaveManifest();
        return set;
    }

    /// <summary>
    /// Rewrites one feed's main file with about <paramref name="share"/> of its rows changed:
    /// statuses flipped, dates moved, some rows removed and some new ones added — the shape of an
    /// incremental load. Returns the updated set (row counts) and saves its manifest.
    /// </summary>
    public static FeedFileSet Mutate(FeedFileSet set, string feedSlug, double share, int seed) =>
        FeedMutator.Mutate(set, feedSlug, share, seed).Set;

    /// <summary><see cref="Mutate"/>, reporting what was changed, removed and added.</summary>
    public static FeedMutation MutateFeed(FeedFileSet set, string feedSlug, double share, int seed) =>
        FeedMutator.Mutate(set, feedSlug, share, seed);

    private static List<CityBuilding> BuildCity(SyntheticCityLayout layout, int seed, DateOnly asOf)
    {
        var random = RandomChoices.ForFeed(seed, "city");
        var n = layout.Buildings;
        var wards = n / 22 > 99_999 ? (n + 99_998) / 99_999 : Math.Clamp((n + 4_999) / 5_000, 1, 22);
        var city = new List<CityBuilding>(n);
        var ward = 1;
        var inWard = 0;
        for (var i = 0; i < n; i++)
        {
            var nextWard = 1 + (int)((long)i * wards / n);
            if (nextWard != ward)
            {
                (ward, inWard) = (nextWard, 0);
            }

            inWard++;
            var (street, number) = layout.AddressOf(i);
            var (name, suffix) = layout.StreetName(street);
            var zone = layout.ZoneOf(i);
            var profile = BuildingProfile.Draw(random, zone, asOf);
            var coverage = profile.IsCommercialOrIndustrial || profile.LandUse is "A" or "CM" or "E" ? 0.85 : 0.55;
            var footprint = layout.Footprint(i, coverage);
            var (lat, lon) = layout.Projection.ToDegrees((footprint.X0 + footprint.X1) / 2, (footprint.Y0 + footprint.Y1) / 2);
            var (x0, y0, x1, y1) = layout.Lot(i);
            var (zip, neighbourhood) = Zips[(ward - 1) % Zips.Length];
            var building = new CityBuilding
            {
                Pid = $"{ward:D2}{inWard:D5}000",
                Latitude = lat,
                Longitude = lon,
                Address = new StreetAddress(number.ToString(System.Globalization.CultureInfo.InvariantCulture), null, name, suffix),
                City = neighbourhood,
                Zip = zip,
                Profile = profile,
                Owner = string.Empty,
                Ward = ward,
                FireDistrict = (1 + (ward - 1) % 12).ToString(System.Globalization.CultureInfo.InvariantCulture),
                LotAreaSquareMeters = (x1 - x0) * (y1 - y0),
                Zone = zone,
                SamId = random.Chance(0.92) ? (300_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            };
            building.AssignOwner(random, knownOwner: null);
            city.Add(building);
        }

        return city;
    }

    private static (GeneratedFile Parcels, GeneratedFile Footprints) WriteGeoJson(
        SyntheticCityLayout layout, IReadOnlyList<CityBuilding> city, string parcelsPath, string footprintsPath, int seed)
    {
        var random = RandomChoices.ForFeed(seed, "footprints");
        using var parcels = CityGeoJson.Parcels(parcelsPath);
        using var footprints = CityGeoJson.Footprints(footprintsPath);
        var garbageEvery = Math.Max(1, city.Count / 3);
        long objectId = 500_000;
        for (var i = 0; i < city.Count; i++)
        {
            var b = city[i];
            var lot = layout.ToDegrees(layout.Lot(i));
            var precinct = 1 + i / SyntheticCityLayout.LotsPerBlock % 20;
            var parcelNumber = b.Pid.Substring(2, 5).TrimStart('0');
            parcels.WriteParcel(b.Pid, parcelNumber, b.Ward, $"{b.Ward:D2}-{precinct:D2}-{1 + i % 900:D3}", lot);
            if (i % garbageEvery == garbageEvery / 2)
            {
                // Harbour-island style parcel with no id: a sliver next to the lot.
                var sliver = lot with { South = lot.North, North = lot.North + (lot.North - lot.South) * 0.05 };
                parcels.WriteParcel(null, "ISLAND" + i, b.Ward, $"{b.Ward:D2}-00-000", sliver);
            }

            if (b.Profile.IsVacantLand)
            {
                continue;
            }

            var coverage = b.Profile.IsCommercialOrIndustrial || b.Profile.LandUse is "A" or "CM" or "E" ? 0.85 : 0.55;
            var meters = layout.Footprint(i, coverage);
            var address = random.Chance(0.15) ? null : b.Address.FootprintStyle;
            var owners = random.Chance(0.1) ? null : b.Owner;
            var year = random.Chance(0.1) ? null : b.Profile.YearBuilt;
            footprints.WriteFootprint(objectId++, b.Pid, 0, address, owners, year, layout.ToDegrees(meters), AreaSquareFeet(meters), PerimeterFeet(meters));
            if (random.Chance(0.05))
            {
                var rear = layout.RearBuilding(i);
                footprints.WriteFootprint(objectId++, b.Pid, 1, address, owners, null, layout.ToDegrees(rear), AreaSquareFeet(rear), PerimeterFeet(rear));
            }
        }

        parcels.Dispose();
        footprints.Dispose();
        return (new GeneratedFile("parcels", parcelsPath, parcels.Features, Generated: true),
            new GeneratedFile("footprints", footprintsPath, footprints.Features, Generated: true));
    }

    private static double AreaSquareFeet((double X0, double Y0, double X1, double Y1) m) => (m.X1 - m.X0) * (m.Y1 - m.Y0) * 10.7639;

    private static double PerimeterFeet((double X0, double Y0, double X1, double Y1) m) => 2 * ((m.X1 - m.X0) + (m.Y1 - m.Y0)) * 3.28084;

    private static double ViolationWeight(BuildingProfile p) => p.LandUse switch
    {
        "RL" or "CL" => 0.5,
        "R3" or "R4" or "A" or "RC" => 1.3,
        _ => 1.0,
    };
}
