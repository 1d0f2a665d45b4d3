namespace BIS.Ingest.SampleCity;

/// <summary>
/// Writes Boston ISD "Building and Property Violations" rows (violations feed, role <c>violations</c>)
/// for the synthetic city, in the 2024 pull's columns: a case per row and code, split address columns,
/// redundant "(lat, lon)" location text.
/// </summary>
internal static class ViolationsCsv
{
    public const string Role = "violations";

    public static readonly string[] Columns =
    [
        "case_no", "ap_case_defn_key", "status_dttm", "status", "code", "value", "description", "violation_stno",
        "violation_sthigh", "violation_street", "violation_suffix", "violation_city", "violation_state", "violation_zip",
        "ward", "contact_addr1", "contact_addr2", "contact_city", "contact_state", "contact_zip", "sam_id", "latitude",
        "longitude", "location",
    ];

    /// <summary>(code, description, weight) as they occur in the real East Boston pull.</summary>
    private static readonly (string Code, string Description, double Weight)[] Codes =
    [
        ("105.1", "Failure to Obtain Permit", 528), ("116.2", "Unsafe and Dangerous", 324), ("104.6", "Right of Entry", 127),
        ("1001.3.2", "Testing & Certification", 120), ("102.8", "Maintenance", 110), ("110.1", "Inspections", 73),
        ("116", "Unsafe Structures", 64), ("107.4", "Failed to comply w permit term", 62), ("116.1", "Unsafe and Dangerous", 57),
        ("3307.1", "Protection of Adj. Property", 48), ("5110.1", "Failure to secure permit", 44), ("Chapter 103.1", "Unsafe Maintenance", 41),
        ("101.4.4", "Maintenance", 37), ("121.1", "Unsafe and Dangerous", 29), ("111.1", "Certificate of Occupancy", 25),
        ("1001.3.3", string.Empty, 25), ("121.2", "Unsafe and Dangerous", 17), ("1003.6", "Means of Egress", 14),
        ("4-3", "Building or Use of Premise req", 12), ("R105.1", "Failure to Secure Permit", 12), ("5121", "Unsafe Structures", 9),
        ("Article 4 Section 4-3", "No use of premises permit:", 7), ("3310.2", "Maintenance of Means of Egress", 6),
        ("903.2", "Fire Protection Systems", 4), ("248 CMR Sec 10.02", "Mechanical Execution of Work", 3), ("r310.1 ", "Egress", 3),
    ];

    public static GeneratedFile Write(string path, IReadOnlyList<CityBuilding> buildings, IReadOnlyList<int> counts, Random random, DateOnly asOf)
    {
        var expected = counts.Sum();
        var mess = Messiness.For(expected);
        var garbage = mess.GarbageRows(expected);
        var garbageEvery = Math.Max(1, expected / (garbage + 1));
        var weighted = Codes.Select(c => ((c.Code, c.Description), c.Weight)).ToList();
        var caseNumber = random.Between(100_000, 200_000);
        long written = 0;
        using var csv = new FeedCsvWriter(path, Columns);
        for (var i = 0; i < buildings.Count; i++)
        {
            var remaining = counts[i];
            var b = buildings[i];
            while (remaining > 0)
            {
                // One case cites one to three code sections, one row each, same status and date.
                var codesInCase = Math.Min(remaining, random.Weighted<int>([(1, 60), (2, 30), (3, 10)]));
                remaining -= codesInCase;
                var caseNo = $"V{caseNumber++}";
                var status = random.Weighted<string>([("Closed", 66), ("Open", 32), ("Void", 2)]);
                var date = random.DateBetween(asOf.AddYears(-12), asOf.AddDays(-1));
                var statusStamp = random.Chance(0.001) ? null : Formats.Timestamp(date, random);
                var (lat, lon) = mess.LatLon(random, b.Latitude, b.Longitude);
                var (number, numberHigh) = HouseNumbers(random, b.Address);
                var suffix = b.Address.Suffix is null ? null : random.Chance(0.9) ? StreetAddress.UspsSuffix(b.Address.Suffix) : random.Pick([b.Address.Suffix, Formats.Title(b.Address.Suffix), " "]);
                var samId = random.Chance(0.05) ? null : random.Chance(0.05) && b.SamId is not null ? b.SamId + ".0" : b.SamId;
                var usedCodes = new HashSet<string>(StringComparer.Ordinal);
                for (var c = 0; c < codesInCase; c++)
                {
                    var (code, description) = random.Weighted(weighted);
                    for (var retry = 0; retry < 8 && !usedCodes.Add(code); retry++)
                    {
                        (code, description) = random.Weighted(weighted);
                    }

                    if (description.StartsWith("Unsafe", StringComparison.Ordinal) && status == "Open")
                    {
                        b.HasUnsafeViolation = true;
                    }

                    csv["case_no"] = caseNo;
                    csv["ap_case_defn_key"] = "1013";
                    csv["status_dttm"] = statusStamp;
                    csv["status"] = status;
                    csv["code"] = code;
                    csv["value"] = "N/A";
                    csv["description"] = description;
                    csv["violation_stno"] = number;
                    csv["violation_sthigh"] = numberHigh;
                    csv["violation_street"] = random.Chance(0.02) ? b.Address.Street : Formats.Title(b.Address.Street);
                    csv["violation_suffix"] = suffix;
                    csv["violation_city"] = random.Weighted<string>([(Formats.Title(b.City), 85), ("Boston", 8), ("BOSTON", 5), (" ", 2)]);
                    csv["violation_state"] = "MA";
                    csv["violation_zip"] = mess.Zip(random, b.Zip);
                    csv["ward"] = b.Ward.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                    csv["contact_addr1"] = b.MailStreet is null ? null : Formats.Title(b.MailStreet);
                    csv["contact_city"] = b.MailCity;
                    csv["contact_state"] = b.MailState;
                    csv["contact_zip"] = b.MailZip is null ? null : random.Chance(0.02) ? b.MailZip + "-" + random.Between(1000, 9999) : mess.Zip(random, b.MailZip);
                    csv["sam_id"] = samId;
                    csv["latitude"] = lat;
                    csv["longitude"] = lon;
                    csv["location"] = lat is null ? null : $"({lat}, {lon})";
                    csv.EndRow(repeatAtEnd: random.Chance(mess.Duplicate));

                    if (++written % garbageEvery == 0 && garbage-- > 0)
                    {
                        csv["status"] = status;
                        csv["description"] = description;
                        csv["violation_street"] = Formats.Title(b.Address.Street);
                        csv.EndRow();
                    }
                }
            }
        }

        csv.Dispose();
        return new GeneratedFile(Role, path, csv.Rows, Generated: true);
    }

    /// <summary>House number columns with the real file's quirks: letters, lower case, blank-as-space.</summary>
    private static (string? Number, string? High) HouseNumbers(Random random, StreetAddress address)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.005 => (" ", "   "),
            < 0.015 => (address.Number + random.Pick(["A", "R", "hf"]), null),
            < 0.025 when address.LeadingNumber is { } n => ($"{n}-{n + 4}", null),
            _ => (address.Number, address.Number2),
        };
    }
}
