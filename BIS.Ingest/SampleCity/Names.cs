namespace BIS.Ingest.SampleCity;

/// <summary>Word lists for owners, businesses and streets; East Boston's mix of Italian, Latino and Irish names.</summary>
internal static class Names
{
    public static readonly string[] Surnames =
    [
        "RUSSO", "DIPRIMA", "MARTINEZ", "RIVERA", "OLIVEIRA", "SULLIVAN", "MURPHY", "NGUYEN", "CONTI", "DELEO",
        "FERRANTE", "GARCIA", "HERNANDEZ", "LOPEZ", "MORALES", "ORTIZ", "PEREZ", "RAMIREZ", "REYES", "SANTOS",
        "TORRES", "FLORES", "BARRETT", "CARUSO", "COSTA", "DONOVAN", "ESPOSITO", "GALLO", "LOMBARDI", "MARINO",
        "O'BRIEN", "PAGLIUCA", "ROMANO", "SILVA", "VELASQUEZ", "ZAPATA", "MEJIA", "CASTILLO", "GUZMAN", "AMATO",
        "BUONOPANE", "COLUCCI", "DEANGELIS", "FIORE", "GRECO", "LANDOLFI", "MANGINI", "PASSACANTILLI", "RIZZO", "TAMBURRINO",
        "ARGUETA", "BONILLA", "CRUZ", "DIAZ", "ESCOBAR", "FUENTES", "GOMEZ", "JIMENEZ", "MOLINA", "PORTILLO",
        "KELLY", "MCCARTHY", "WALSH", "FLAHERTY", "DOHERTY", "CONNOLLY", "ABBOTT", "LEBLANC", "TRAN", "PHAM",
    ];

    public static readonly string[] GivenNames =
    [
        "MARIA", "JOSE", "ANTHONY", "JOHN", "ROSA", "CARLOS", "ANNA", "JOSEPH", "LUIS", "ANGELA",
        "FRANCESCO", "ANA", "MICHAEL", "CARMEN", "PAUL", "GLORIA", "DAVID", "SANDRA", "ROBERTO", "LINDA",
        "SALVATORE", "NANCY", "EDWIN", "PATRICIA", "GIUSEPPE", "MARY", "JUAN", "THERESA", "MARIO", "DIANA",
    ];

    public static readonly string[] CompanyWords =
    [
        "HARBOR VIEW", "MAVERICK", "EAGLE HILL", "JEFFRIES POINT", "ORIENT HEIGHTS", "BAYSWATER", "SHIPYARD",
        "WOOD ISLAND", "CONSTITUTION", "PIER", "LOGAN", "CHELSEA CREEK", "DAY SQUARE", "CENTRAL SQUARE", "NEPTUNE",
    ];

    public static readonly string[] CompanyForms = ["{0} REALTY LLC", "{0} HOLDINGS LLC", "{0} PROPERTIES INC", "{0} REALTY TRUST", "{0} DEVELOPMENT LLC", "{0} NOMINEE TRUST"];

    public static readonly string[] ExemptOwners =
    [
        "CITY OF BOSTON", "BOSTON HOUSING AUTHORITY", "MASSACHUSETTS PORT AUTHORITY", "ROMAN CATH ARCHBISHOP OF BOSTON",
        "COMMONWEALTH OF MASSACHUSETTS", "BOSTON REDEVELOPMENT AUTHORITY", "EAST BOSTON NEIGHBORHOOD HEALTH CENTER",
        "MASS BAY TRANSPORTATION AUTHORITY", "CITY OF BOSTON SCHOOL DEPT", "BOSTON WATER AND SEWER COMMISSION",
    ];

    public static readonly string[] MailCities =
    [
        "REVERE|02151", "WINTHROP|02152", "CHELSEA|02150", "EVERETT|02149", "MEDFORD|02155", "MALDEN|02148",
        "BOSTON|02108", "QUINCY|02169", "SAUGUS|01906", "LYNNFIELD|01940", "NEWTON|02458", "CAMBRIDGE|02139",
    ];

    /// <summary>Street names for the synthetic city (Boston-flavoured; suffixes are added separately).</summary>
    public static readonly string[] Streets =
    [
        "SUMNER", "MERIDIAN", "SARATOGA", "BENNINGTON", "CHELSEA", "PRINCETON", "MAVERICK", "PARIS", "LEXINGTON", "WEBSTER",
        "LONDON", "HAVRE", "ORLEANS", "EVERETT", "LEYDEN", "EUTAW", "TRENTON", "BREMEN", "FALCON", "MARION",
        "WHITE", "PUTNAM", "COTTAGE", "EAGLE", "BROOKS", "BORDER", "CONDOR", "BAYSWATER", "FAYWOOD", "GLADSTONE",
        "FRANKFORT", "COLERIDGE", "GOVE", "LUBEC", "ORIENT", "MONMOUTH", "MOORE", "BYRON", "SHELBY", "LIVERPOOL",
        "MORRIS", "HOMER", "JEFFRIES", "PRESCOTT", "WORDSWORTH", "SWIFT", "HORACE", "BOARDMAN", "CHEEVER", "ADDISON",
        "COWPER", "TRIDENT", "BREED", "WINTHROP", "HAYNES", "EMMET", "MONTMORENCI", "PORTER", "BARNES", "SWAN",
        "BRIGHAM", "WALDEMAR", "CRESTWAY", "DAVIS", "NOBLE", "MORTON", "GENEVA", "DECATUR", "LAMSON", "BEACHVIEW",
        "LOVELL", "WASHINGTON", "TREMONT", "BOYLSTON", "BEACON", "COMMONWEALTH", "HUNTINGTON", "MASSACHUSETTS", "COLUMBUS", "DORCHESTER",
        "BLUE HILL", "CENTRE", "HYDE PARK", "RIVER", "AMERICAN LEGION", "CUMMINS", "WALK HILL", "GALLIVAN", "MORRISSEY", "NEPONSET",
        "ADAMS", "GRANITE", "BOWDOIN", "GENEVA", "HANCOCK", "HARVARD", "CAMBRIDGE", "BRIGHTON", "CHESTNUT HILL", "SOUTH",
        "ELM", "OAK", "MAPLE", "CEDAR", "PINE", "WALNUT", "SPRUCE", "WILLOW", "HAWTHORNE", "LINDEN",
        "CHARLES", "STATE", "SCHOOL", "CHURCH", "MILL", "WATER", "BRIDGE", "UNION", "FRANKLIN", "JEFFERSON",
        "WARREN", "DUDLEY", "EUSTIS", "ALBANY", "HARRISON", "SHAWMUT", "DOVER", "BERKELEY", "CLARENDON", "DARTMOUTH",
        "EXETER", "FAIRFIELD", "GLOUCESTER", "HEREFORD", "IPSWICH", "JERSEY", "KILMARNOCK", "LANSDOWNE", "MONUMENT", "NEWBURY",
        "OTIS", "PEARL", "QUINCY", "RUGGLES", "SALEM", "TALBOT", "UPHAM", "VERNON", "WESTVILLE", "YARMOUTH",
        "ASHMONT", "BOWDOIN", "CODMAN", "DRUID", "ELLSWORTH", "FLORIDA", "GREENBRIER", "HOLLAND", "IRVING", "KING",
        "LONGFELLOW", "MILTON", "NORFOLK", "OCEAN", "PARKMAN", "RADCLIFFE", "SAVIN HILL", "THETFORD", "VICTORY", "WILLIAM T MORRISSEY",
    ];

    public static string Person(Random random) =>
        random.Chance(0.2)
            ? $"{random.Pick(Surnames)} {random.Pick(GivenNames)} & {random.Pick(GivenNames)}"
            : $"{random.Pick(Surnames)} {random.Pick(GivenNames)}{(random.Chance(0.4) ? " " + (char)('A' + random.Next(26)) : string.Empty)}";

    public static string Company(Random random, string street) =>
        string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            random.Pick(CompanyForms),
            random.Chance(0.4) ? $"{street}" : random.Chance(0.5) ? random.Pick(CompanyWords) : random.Pick(Surnames));
}
