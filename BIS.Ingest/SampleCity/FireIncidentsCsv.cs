namespace BIS.Ingest.SampleCity;

/// <summary>
/// Writes BFD "Fire Incident Reporting" (NFIRS) rows (fire-incidents feed, role <c>incidents</c>) for
/// the synthetic city; exposure fires repeat the incident number with a non-zero exposure number.
/// </summary>
internal static class FireIncidentsCsv
{
    public const string Role = "incidents";

    public static readonly string[] Columns =
    [
        "incident_number", "exposure_number", "alarm_date", "alarm_time", "incident_type", "incident_description",
        "estimated_property_loss", "estimated_contents_loss", "district", "zip", "property_use", "property_description",
        "street_number", "street_prefix", "street_name", "street_suffix", "street_type", "address_2", "latitude", "longitude",
    ];

    private static readonly (string Code, string Description, double Weight, bool Fire)[] IncidentTypes =
    [
        ("111", "Building fire", 14, true), ("113", "Cooking fire, confined to container", 16, true), ("114", "Chimney or flue fire, confined to chimney or flue", 2, true),
        ("116", "Fuel burner/boiler malfunction, fire confined", 3, true), ("118", "Trash or rubbish fire, contained", 4, true),
        ("151", "Outside rubbish, trash or waste fire", 4, true), ("412", "Gas leak (natural gas or LPG)", 8, false),
        ("424", "Carbon monoxide incident", 6, false), ("445", "Arcing, shorted electrical equipment", 5, false),
        ("651", "Smoke scare, odor of smoke", 8, false), ("735", "Alarm system sounded due to malfunction", 12, false),
        ("743", "Smoke detector activation, no fire - unintentional", 12, false), ("745", "Alarm system activation, no fire - unintentional", 6, false),
    ];

    public static GeneratedFile Write(string path, IReadOnlyList<CityBuilding> buildings, IReadOnlyList<int> counts, Random random, DateOnly asOf)
    {
        var expected = counts.Sum();
        var mess = Messiness.For(expected);
        var garbage = mess.GarbageRows(expected);
        var garbageEvery = Math.Max(1, expected / (garbage + 1));
        var types = IncidentTypes.Select(t => (t, t.Weight)).ToList();
        var sequence = random.Between(100_000, 300_000);
        long written = 0;
        using var csv = new FeedCsvWriter(path, Columns);
        for (var i = 0; i < buildings.Count; i++)
        {
            for (var n = 0; n < counts[i]; n++)
            {
                var b = buildings[i];
                var type = random.Weighted(types);
                var date = random.DateBetween(asOf.AddYears(-10), asOf.AddDays(-1));
                var incidentNumber = $"{date.Year % 100:D2}-{sequence++:D7}";
                WriteIncident(csv, random, mess, b, incidentNumber, "0", date, type);
                if (type.Fire && type.Code == "111" && random.Chance(0.2) && i + 1 < buildings.Count)
                {
                    // The fire spread next door: same incident, exposure 1, the neighbouring building.
                    WriteIncident(csv, random, mess, buildings[i + 1], incidentNumber, "1", date, type);
                }

                if (++written % garbageEvery == 0 && garbage-- > 0)
                {
                    csv["alarm_date"] = Formats.Iso(date);
                    csv["incident_type"] = type.Code;
                    csv["street_name"] = b.Address.Street;
                    csv.EndRow();
                }
            }
        }

        csv.Dispose();
        return new GeneratedFile(Role, path, csv.Rows, Generated: true);
    }

    private static void WriteIncident(
        FeedCsvWriter csv, Random random, Messiness mess, CityBuilding b, string incidentNumber, string exposure, DateOnly date,
        (string Code, string Description, double Weight, bool Fire) type)
    {
        var (propertyUse, propertyDescription) = PropertyUse(b.Profile);
        var (lat, lon) = mess.LatLon(random, b.Latitude, b.Longitude);
        var words = b.Address.Street.Split(' ', 2);
        var prefixed = words.Length == 2 && words[0] is "N" or "S" or "E" or "W";
        csv["incident_number"] = incidentNumber;
        csv["exposure_number"] = exposure;
        csv["alarm_date"] = Formats.Iso(date);
        csv["alarm_time"] = new TimeOnly(random.Next(24), random.Next(60), random.Next(60)).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        csv["incident_type"] = type.Code;
        csv["incident_description"] = type.Description;
        csv["estimated_property_loss"] = type.Fire ? Formats.Int(type.Code == "111" ? random.Between(1, 400) * 500 : random.Chance(0.7) ? 0 : random.Between(1, 20) * 100) : "0";
        csv["estimated_contents_loss"] = type.Fire ? Formats.Int(type.Code == "111" ? random.Between(0, 200) * 250 : 0) : "0";
        csv["district"] = b.FireDistrict;
        csv["zip"] = mess.Zip(random, b.Zip);
        csv["property_use"] = propertyUse;
        csv["property_description"] = propertyDescription;
        csv["street_number"] = b.Address.Number;
        csv["street_prefix"] = prefixed ? words[0] : null;
        csv["street_name"] = prefixed ? words[1] : b.Address.Street;
        csv["street_type"] = b.Address.Suffix is null ? null : StreetAddress.UspsSuffix(b.Address.Suffix);
        csv["address_2"] = random.Chance(0.05) ? random.Pick(["APT 2", "#3", "REAR", "BSMT", "UNIT 1"]) : null;
        csv["latitude"] = lat;
        csv["longitude"] = lon;
        csv.EndRow(repeatAtEnd: random.Chance(mess.Duplicate));
    }

    private static (string Code, string Description) PropertyUse(BuildingProfile p) => p.LandUse switch
    {
        "R1" or "R2" => ("419", "1 or 2 family dwelling"),
        "R3" or "R4" or "A" or "CM" or "RC" => ("429", "Multifamily dwelling"),
        "C" => ("500", "Mercantile, business, other"),
        "I" => ("700", "Manufacturing, processing"),
        "E" => ("300", "Health care, detention, & correction, other"),
        _ => ("900", "Outside or special property, other"),
    };
}
