namespace BIS.Ingest.SampleCity;

/// <summary>
/// One parcel and what stands on it, as the generators know it before writing any feed: the
/// truth the feeds are written from (each feed then writes it its own, imperfect way).
/// </summary>
internal sealed class CityBuilding
{
    /// <summary>10-character assessing parcel id.</summary>
    public required string Pid { get; init; }
    /// <summary>A point inside the parcel, WGS84.</summary>
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public required StreetAddress Address { get; set; }
    /// <summary>Neighbourhood name as assessing writes it ("EAST BOSTON").</summary>
    public required string City { get; init; }
    public required string Zip { get; init; }
    public required BuildingProfile Profile { get; set; }
    public required string Owner { get; set; }
    public bool OwnerOccupied { get; set; }
    public string? MailAddressee { get; set; }
    public string? MailStreet { get; set; }
    public string? MailCity { get; set; }
    public string? MailState { get; set; }
    public string? MailZip { get; set; }
    /// <summary>Boston SAM address id when one is known.</summary>
    public string? SamId { get; set; }
    public int Ward { get; init; }
    /// <summary>BFD fire district, "1" … "12".</summary>
    public string FireDistrict { get; init; } = "1";
    public double LotAreaSquareMeters { get; init; }
    public LotZone Zone { get; init; }
    /// <summary>The city has an unsafe/vacant-structure violation on record here.</summary>
    public bool HasUnsafeViolation { get; set; }

    /// <summary>How much a fire department cares to inspect or permit it: big and non-residential first.</summary>
    public double Significance
    {
        get
        {
            var p = Profile;
            if (p.IsVacantLand)
            {
                return 0.15;
            }

            var weight = p.LandUse switch
            {
                "R1" or "R2" or "R3" => 0.25,
                "R4" or "CM" => 1.0,
                "A" or "RC" => 1.5,
                _ => 2.5,
            };
            return p.IsHighRise ? weight + 2.0 : weight;
        }
    }

    /// <summary>Fills in owner and mailing address the way assessing records them.</summary>
    public void AssignOwner(Random random, string? knownOwner)
    {
        if (Profile.LandUse == "E")
        {
            Owner = knownOwner ?? random.Pick(Names.ExemptOwners);
            OwnerOccupied = false;
            MailAddressee = Owner == "CITY OF BOSTON" ? "PROPERTY MANAGEMENT DEPT" : null;
            MailStreet = random.Pick(["1 CITY HALL SQ", "ONE HARBORSIDE DR", "52 CHAUNCY ST", "66 BROOKS ST", "26 COURT ST"]);
            (MailCity, MailState, MailZip) = ("BOSTON", "MA", random.Pick(["02201", "02128", "02111", "02108"]));
            return;
        }

        var company = Profile.IsCommercialOrIndustrial || Profile.LandUse is "A" or "CM" ? 0.75 : 0.2;
        Owner = knownOwner ?? (random.Chance(company) ? Names.Company(random, Address.Street) : Names.Person(random));
        OwnerOccupied = Profile.IsResidential && random.Chance(0.55);
        if (OwnerOccupied)
        {
            (MailStreet, MailCity, MailState, MailZip) = (Address.ToString(), City, "MA", Zip);
            return;
        }

        MailAddressee = random.Chance(0.15) ? "C/O " + Names.Person(random) : null;
        MailStreet = $"{random.Between(1, 999)} {random.Pick(Names.Streets)} {random.Pick(["ST", "AVE", "RD", "DR", "WAY"])}";
        if (random.Chance(0.06))
        {
            MailStreet = "PO BOX " + random.Between(100, 9999);
        }

        if (random.Chance(0.9))
        {
            var cityZip = random.Pick(Names.MailCities).Split('|');
            (MailCity, MailState, MailZip) = (cityZip[0], "MA", cityZip[1]);
        }
        else
        {
            (MailCity, MailState, MailZip) = random.Pick<(string, string, string)>([
                ("MIAMI", "FL", "33131"), ("NEW YORK", "NY", "10017"), ("PROVIDENCE", "RI", "02903"), ("NASHUA", "NH", "03060-6567")]);
        }
    }
}
