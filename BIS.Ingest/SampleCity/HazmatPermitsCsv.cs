namespace BIS.Ingest.SampleCity;

/// <summary>
/// Writes BFD Fire Prevention hazardous-material permits (hazmat-permits feed, role <c>permits</c>):
/// one row per permit and material, UN numbers and names from the ERG index.
/// </summary>
internal static class HazmatPermitsCsv
{
    public const string Role = "permits";

    public static readonly string[] Columns =
    [
        "PERMIT_NUMBER", "BUSINESS_NAME", "ADDRESS", "PARCEL_ID", "SAM_ID", "MATERIAL", "UN_NUMBER", "QUANTITY", "QUANTITY_UNIT",
        "NFPA_HEALTH", "NFPA_FIRE", "NFPA_REACTIVITY", "NFPA_SPECIAL", "STORAGE_LOCATION", "PERMIT_STATUS", "ISSUED_DATE",
        "EXPIRATION_DATE", "LATITUDE", "LONGITUDE",
    ];

    /// <param name="counts">Permits per building (each permit lists one to three materials).</param>
    public static GeneratedFile Write(string path, IReadOnlyList<CityBuilding> buildings, IReadOnlyList<int> counts, Random random, DateOnly asOf)
    {
        var expected = (long)(counts.Sum() * 1.6);
        var mess = Messiness.For(expected);
        var garbage = mess.GarbageRows(expected);
        var garbageEvery = Math.Max(1, expected / (garbage + 1));
        var sequence = random.Between(100, 900);
        long written = 0;
        using var csv = new FeedCsvWriter(path, Columns);
        for (var i = 0; i < buildings.Count; i++)
        {
            for (var n = 0; n < counts[i]; n++)
            {
                var b = buildings[i];
                var business = HazmatCatalog.BusinessFor(random, b);
                var name = string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    random.Pick(business.NameForms),
                    random.Chance(0.5) ? b.Address.Street : random.Pick(Names.CompanyWords));
                var status = random.Weighted<string>([("Active", 75), ("Expired", 20), ("Revoked", 5)]);
                var issued = status == "Active"
                    ? random.DateBetween(asOf.AddDays(-360), asOf.AddDays(-1))
                    : random.DateBetween(asOf.AddYears(-5), asOf.AddDays(-370));
                var expires = issued.AddYears(1);
                var usDates = random.Chance(0.3);
                var permitNumber = $"HM{issued.Year}-{sequence++:D5}";
                var address = b.Address.Written(random, mess) + (random.Chance(0.2) ? $", {Formats.Title(b.City)} MA {b.Zip}" : string.Empty);
                var (lat, lon) = mess.LatLon(random, b.Latitude, b.Longitude);
                var materialCount = Math.Min(business.Materials.Length, random.Weighted<int>([(1, 55), (2, 30), (3, 15)]));
                foreach (var material in business.Materials.OrderBy(_ => random.Next()).Take(materialCount).ToList())
                {
                    csv["PERMIT_NUMBER"] = permitNumber;
                    csv["BUSINESS_NAME"] = name;
                    csv["ADDRESS"] = address;
                    csv["PARCEL_ID"] = random.Chance(0.1) ? null : random.Chance(0.05) ? b.Pid.TrimStart('0') : b.Pid;
                    csv["SAM_ID"] = random.Chance(0.7) ? b.SamId : null;
                    csv["MATERIAL"] = random.Chance(0.1) ? material.ErgName.ToUpperInvariant() : material.ErgName;
                    csv["UN_NUMBER"] = random.Chance(0.03) ? null : UnNumberText(random, material);
                    csv["QUANTITY"] = QuantityText(random, material);
                    csv["QUANTITY_UNIT"] = material.Unit;
                    if (!random.Chance(0.05))
                    {
                        csv["NFPA_HEALTH"] = Formats.Int(material.Health);
                        csv["NFPA_FIRE"] = Formats.Int(material.Fire);
                        csv["NFPA_REACTIVITY"] = Formats.Int(material.Reactivity);
                        csv["NFPA_SPECIAL"] = material.Special;
                    }

                    csv["STORAGE_LOCATION"] = random.Pick(material.Storage);
                    csv["PERMIT_STATUS"] = status;
                    csv["ISSUED_DATE"] = usDates ? Formats.UsDate(issued) : Formats.Iso(issued);
                    csv["EXPIRATION_DATE"] = usDates ? Formats.UsDate(expires) : Formats.Iso(expires);
                    csv["LATITUDE"] = lat;
                    csv["LONGITUDE"] = lon;
                    csv.EndRow(repeatAtEnd: random.Chance(mess.Duplicate));

                    if (++written % garbageEvery == 0 && garbage-- > 0)
                    {
                        csv["BUSINESS_NAME"] = name;
                        csv["MATERIAL"] = material.ErgName;
                        csv["PERMIT_STATUS"] = "Active";
                        csv.EndRow();
                    }
                }
            }
        }

        csv.Dispose();
        return new GeneratedFile(Role, path, csv.Rows, Generated: true);
    }

    private static string UnNumberText(Random random, HazmatMaterial material) =>
        material.UnNumber == "1993" && random.Chance(0.5) ? "NA1993"
        : random.Chance(0.55) ? "UN" + material.UnNumber
        : material.UnNumber;

    private static string QuantityText(Random random, HazmatMaterial material)
    {
        var quantity = random.Between(material.MinQuantity, material.MaxQuantity);
        quantity = quantity >= 100 ? 10 * Math.Round(quantity / 10) : Math.Round(quantity);
        return random.Chance(0.01)
            ? quantity.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)
            : Formats.Number(quantity, 0);
    }
}
