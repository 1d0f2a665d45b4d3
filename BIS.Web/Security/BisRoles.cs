namespace BIS.Web.Security;

/// <summary>The roles of DESIGN.md. A CAD system signs in with an API key and gets <see cref="Cad"/>.</summary>
public static class BisRoles
{
    public const string Dispatcher = "dispatcher";
    public const string Firefighter = "firefighter";
    public const string Steward = "steward";
    public const string Admin = "admin";
    public const string Cad = "cad";

    /// <summary>The roles a person can hold (CAD is a machine and signs in with a key only).</summary>
    public static readonly IReadOnlySet<string> People = new HashSet<string>([Dispatcher, Firefighter, Steward, Admin]);

    /// <summary>Claim type of the unit a firefighter is bound to.</summary>
    public const string UnitClaim = "bis:unit";
}

/// <summary>Authorization policy names.</summary>
public static class BisPolicies
{
    /// <summary>May read building hazards: everyone but a steward-only account.</summary>
    public const string ReadHazards = "read-hazards";
    /// <summary>May use the dispatch console: search, open incidents, assign units.</summary>
    public const string Dispatch = "dispatch";
    /// <summary>May run or pause feeds.</summary>
    public const string ManageFeeds = "manage-feeds";
}
