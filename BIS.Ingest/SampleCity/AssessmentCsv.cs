namespace BIS.Ingest.SampleCity;

/// <summary>Writes the assessing feed's <c>assessment</c> CSV in Boston Property Assessment columns, one row per parcel.</summary>
internal static class AssessmentCsv
{
    public const string Role = "assessment";

    public static readonly string[] Columns =
    [
        "PID", "CM_ID", "ST_NUM", "ST_NUM2", "ST_NAME", "ST_NAME_SUF", "UNIT_NUM", "CITY", "ZIP_CODE",
        "OWNER", "MAIL_ADDRESSEE", "MAIL_STREET_ADDRESS", "MAIL_CITY", "MAIL_STATE", "MAIL_ZIP_CODE",
        "LU", "LU_DESC", "LUC", "BLDG_TYPE", "LAND_SF", "YR_BUILT", "YR_REMODEL", "NUM_FLOORS", "RES_UNITS", "COM_UNITS",
        "STRUCTURE_CLASS", "SAM_ID",
    ];

    public static GeneratedFile Write(string path, IReadOnlyList<CityBuilding> buildings, Random random, DateOnly asOf)
    {
        var mess = Messiness.For(buildings.Count);
        var garbageEvery = Math.Max(1, buildings.Count / (mess.GarbageRows(buildings.Count) + 1));
        using var csv = new FeedCsvWriter(path, Columns);
        for (var i = 0; i < buildings.Count; i++)
        {
            var b = buildings[i];
            var p = b.Profile;
            var a = b.Address;

            // Exports that went through a spreadsheet lost the PID's leading zero.
            csv["PID"] = random.Chance(0.02) ? b.Pid.TrimStart('0') : b.Pid;
            csv["CM_ID"] = p.LandUse == "CM" ? b.Pid : null;
            csv["ST_NUM"] = a.Number;
            csv["ST_NUM2"] = a.Number2;
            if (a.Suffix is not null && random.Chance(0.03))
            {
                // Newer pulls carry the suffix inside ST_NAME and leave ST_NAME_SUF empty.
                csv["ST_NAME"] = a.StreetWithSuffix;
            }
            else
            {
                csv["ST_NAME"] = a.Street;
                csv["ST_NAME_SUF"] = a.Suffix;
            }

            csv["CITY"] = b.City;
            csv["ZIP_CODE"] = mess.Zip(random, b.Zip);
            csv["OWNER"] = b.Owner;
            csv["MAIL_ADDRESSEE"] = b.MailAddressee;
            csv["MAIL_STREET_ADDRESS"] = b.MailStreet;
            csv["MAIL_CITY"] = b.MailCity;
            csv["MAIL_STATE"] = b.MailState;
            csv["MAIL_ZIP_CODE"] = b.MailZip is null ? null : mess.Zip(random, b.MailZip);
            csv["LU"] = p.LandUse;
            csv["LU_DESC"] = p.LandUseDescription;
            csv["LUC"] = p.LandUseCode;
            csv["BLDG_TYPE"] = p.BuildingType;
            csv["LAND_SF"] = Formats.Int((long)Math.Round(b.LotAreaSquareMeters * 10.7639));
            csv["YR_BUILT"] = p.YearBuilt is not { } built ? null
                : random.Chance(0.01) ? "0"
                : random.Chance(0.002) ? Formats.Int(asOf.Year + random.Between(1, 3))
                : Formats.Int(built);
            csv["YR_REMODEL"] = p.YearRemodeled is { } remodeled ? Formats.Int(remodeled) : null;
            csv["NUM_FLOORS"] = p.Floors is { } floors ? Formats.Number((double)floors, 1) : null;
            csv["RES_UNITS"] = p.ResidentialUnits > 0 ? Formats.Int(p.ResidentialUnits) : random.Chance(0.5) ? "0" : null;
            csv["COM_UNITS"] = p.CommercialUnits > 0 ? Formats.Int(p.CommercialUnits) : null;
            csv["STRUCTURE_CLASS"] = p.StructureClass;
            csv["SAM_ID"] = b.SamId;
            csv.EndRow(repeatAtEnd: random.Chance(mess.Duplicate));

            if (i % garbageEvery == garbageEvery - 1)
            {
                WriteGarbage(csv, b);
            }
        }

        csv.Dispose();
        return new GeneratedFile(Role, path, csv.Rows, Generated: true);
    }

    /// <summary>A half-filled row without its PID, as left behind by a broken export line.</summary>
    private static void WriteGarbage(FeedCsvWriter csv, CityBuilding near)
    {
        csv["ST_NAME"] = near.Address.Street;
        csv["CITY"] = near.City;
        csv["LU"] = "R3";
        csv.EndRow();
    }
}
