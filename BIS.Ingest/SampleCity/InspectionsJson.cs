using System.Text.Json;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// Writes one page of the inspections / pre-incident plan API (inspections feed, role <c>plans</c>):
/// <c>{"items":[…],"next":null}</c>, sprinklers, standpipes, FDC/Knox/alarm panel locations,
/// truss roofs, solar, battery storage and vacant-building markings.
/// </summary>
internal static class InspectionsJson
{
    public const string Role = "plans";

    private static readonly string[] Sides = ["left", "right"];
    private static readonly string[] KnoxSpots =
        ["Front door left side", "Front door right side", "Right of main entrance, 5 ft high", "Rear loading dock door", "Side entrance on {0}", "Lobby vestibule, left wall"];
    private static readonly string[] PanelSpots =
        ["Lobby, inside front door", "Basement mechanical room", "First floor hallway by stairs", "Fire command center, ground floor", "Electrical room behind elevator", "Front vestibule, right wall"];
    private static readonly string[] FdcSpots =
        ["{0} side, {1} of main entrance", "Front of building, {1} corner", "Rear alley, {1} of door", "Siamese on {0}, {1} of garage door"];
    private static readonly string[] ResidentialNotes =
        ["Triple-decker, rear porches, access via side alley", "Balloon-frame construction, fire can travel in walls", "Attic converted to living space", "Basement unit, second egress via bulkhead", ""];
    private static readonly string[] CommercialNotes =
        ["Roll-up doors on loading dock", "Hazmat cabinet in storage room", "Night staff only after 10 PM", "Owner says \"no access\" after 6 PM <call ahead>", "Ammonia detection in machine room", "Generator on roof, diesel day tank", ""];

    /// <param name="counts">Plans per building (several mean re-inspections over the years).</param>
    public static GeneratedFile Write(string path, IReadOnlyList<CityBuilding> buildings, IReadOnlyList<int> counts, Random random, DateOnly asOf)
    {
        var expected = counts.Sum();
        var mess = Messiness.For(expected);
        var garbage = mess.GarbageRows(expected);
        var garbageEvery = Math.Max(1, expected / (garbage + 1));
        var sequence = random.Between(10_000, 20_000);
        long items = 0;
        var duplicates = new List<byte[]>();

        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            for (var i = 0; i < buildings.Count; i++)
            {
                for (var n = 0; n < counts[i]; n++)
                {
                    var b = buildings[i];
                    var inspected = random.DateBetween(asOf.AddYears(-4), asOf.AddDays(-1));
                    var planId = $"PIP-{inspected.Year}-{sequence++:D6}";
                    if (random.Chance(mess.Duplicate))
                    {
                        // Exact copy of the item, sent again later in the page.
                        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                        using (var copy = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                        {
                            WriteItem(copy, b, planId, inspected, random, mess);
                        }

                        duplicates.Add(buffer.WrittenSpan.ToArray());
                        using var reader = JsonDocument.Parse(buffer.WrittenMemory);
                        reader.RootElement.WriteTo(json);
                    }
                    else
                    {
                        WriteItem(json, b, planId, inspected, random, mess);
                    }

                    items++;
                    if (json.BytesPending > 1 << 16)
                    {
                        json.Flush();
                    }

                    if (items % garbageEvery == 0 && garbage-- > 0)
                    {
                        WriteGarbage(json, b, random, items % 2 == 0 ? null : $"PIP-{inspected.Year}-{sequence++:D6}");
                        items++;
                    }
                }
            }

            foreach (var duplicate in duplicates)
            {
                using var document = JsonDocument.Parse(duplicate);
                document.RootElement.WriteTo(json);
                items++;
            }

            json.WriteEndArray();
            json.WriteNull("next");
            json.WriteEndObject();
        }

        File.AppendAllText(path, "\n");
        return new GeneratedFile(Role, path, items, Generated: true);
    }

    private static void WriteItem(Utf8JsonWriter json, CityBuilding b, string planId, DateOnly inspected, Random random, Messiness mess)
    {
        var p = b.Profile;
        var residentialSmall = p.LandUse is "R1" or "R2" or "R3";
        var sprinkler = p.IsHighRise ? (random.Chance(0.9) ? "full" : "partial")
            : residentialSmall ? (random.Chance(0.9) ? "none" : "partial")
            : random.Weighted<string?>([("full", 50), ("partial", 15), ("none", 30), (null, 5)]);
        var standpipe = p.Floors >= 4 || (p.Floors >= 3 && !residentialSmall && random.Chance(0.4));
        var side = random.Pick(Sides);
        var street = Formats.Title(b.Address.StreetWithSuffix);

        json.WriteStartObject();
        json.WriteString("planId", planId);
        json.WriteString("address", b.Address.Written(random, mess));
        WriteOptional(json, "samId", random.Chance(0.8) ? b.SamId : null);
        WriteOptional(json, "parcelId", random.Chance(0.1) ? null : random.Chance(0.03) ? b.Pid.TrimStart('0') : b.Pid);
        var (lat, lon) = mess.LatLon(random, b.Latitude, b.Longitude);
        WriteNumberOrNull(json, "latitude", lat);
        WriteNumberOrNull(json, "longitude", lon);
        json.WriteString("inspectedOn", Formats.Iso(inspected));
        json.WriteString("occupancyName", OccupancyName(random, b));
        json.WriteString("constructionType", ConstructionType(random, p));
        WriteOptional(json, "sprinkler", sprinkler);
        json.WriteBoolean("standpipe", standpipe);
        WriteOptional(json, "fdcLocation", sprinkler is "full" or "partial" || standpipe
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(FdcSpots), street, side)
            : null);
        WriteOptional(json, "knoxBoxLocation", !residentialSmall || random.Chance(0.1)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(KnoxSpots), street)
            : null);
        WriteOptional(json, "alarmPanelLocation", !residentialSmall || random.Chance(0.3) ? random.Pick(PanelSpots) : null);
        json.WriteBoolean("trussRoof", TrussRoof(random, p));
        json.WriteBoolean("solarPv", random.Chance(0.08));
        if (random.Chance(p.IsHighRise || p.LandUse is "C" or "I" ? 0.08 : 0.02))
        {
            json.WriteNumber("batteryStorageKwh", random.Pick([13.5m, 27m, 40.5m, 100m, 250m, 500m, 1000m]));
        }
        else
        {
            json.WriteNull("batteryStorageKwh");
        }

        json.WriteString("vacantMarking", b.HasUnsafeViolation && random.Chance(0.5) ? random.Pick(["/", "/", "X"])
            : random.Chance(0.002) ? "/" : string.Empty);
        json.WriteString("notes", random.Pick(residentialSmall ? ResidentialNotes : CommercialNotes));
        json.WriteEndObject();
    }

    /// <summary>An item the reader must reject: no planId, or nothing to place it by.</summary>
    private static void WriteGarbage(Utf8JsonWriter json, CityBuilding b, Random random, string? planId)
    {
        json.WriteStartObject();
        if (planId is null)
        {
            json.WriteString("address", b.Address.ToString());
        }
        else
        {
            json.WriteString("planId", planId);
            json.WriteString("address", string.Empty);
            json.WriteNull("latitude");
            json.WriteNull("longitude");
        }

        json.WriteString("inspectedOn", "0000-00-00");
        json.WriteString("sprinkler", random.Pick(["unknown", "full"]));
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, string? number)
    {
        json.WritePropertyName(name);
        if (number is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteRawValue(number, skipInputValidation: false);
        }
    }

    private static string OccupancyName(Random random, CityBuilding b) => b.Profile.LandUse switch
    {
        "R1" or "R2" or "R3" or "R4" => $"Residential, {b.Profile.ResidentialUnits} unit{(b.Profile.ResidentialUnits == 1 ? string.Empty : "s")}",
        "A" or "CM" => $"{Formats.Title(b.Address.Street)} {random.Pick(["Apartments", "Residences", "Condominiums", "Towers"])}",
        "RC" => $"{random.Pick(["Market", "Pizzeria", "Barber Shop", "Pharmacy", "Bakery", "Laundromat"])} with apartments above",
        "C" => $"{Formats.Title(random.Pick(Names.CompanyWords))} {random.Pick(["Restaurant", "Auto Repair", "Hotel", "Offices", "Supermarket", "Gas Station"])}",
        "I" => $"{Formats.Title(random.Pick(Names.CompanyWords))} {random.Pick(["Seafood Processing", "Warehouse", "Fuel Terminal", "Marine Repair", "Cold Storage"])}",
        "E" => random.Pick(["Public School", "Church", "Community Center", "Health Center", "Fire Station", "Library", "Public Housing"]),
        _ => "Vacant lot",
    };

    private static string ConstructionType(Random random, BuildingProfile p) => p.StructureClass switch
    {
        "B" => random.Pick(["I-A", "I-B", "II-A"]),
        "A" => random.Pick(["I-A", "I-B"]),
        "S" => random.Pick(["II-B", "II-A"]),
        "C" => random.Pick(["III-A", "III-B", "III-B"]),
        _ => random.Pick(["V-B", "V-B", "V-A"]),
    };

    private static bool TrussRoof(Random random, BuildingProfile p) =>
        p.LandUse is "C" or "I" && p.Floors <= 2 ? random.Chance(0.6)
        : p.YearBuilt >= 1970 && p.StructureClass == "R" ? random.Chance(0.4)
        : random.Chance(0.05);
}
