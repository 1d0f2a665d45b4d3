namespace BIS.Web.Steward;

/// <summary>
/// Problem codes for the discrepancy report a steward sends back to a publisher, in the style of NENA's GIS data
/// discrepancy reporting (a code per problem, the record and the value it is about). The
/// pipeline words its reasons for people; the codes are derived from those words here, and only here:
/// <list type="table">
/// <item><term>ADDRESS_RANGE</term><description>an address or range that matches, covers or falls in several buildings
/// (the linkage tied: <c>range "225-227 SARATOGA ST" covers 2 buildings: …</c>)</description></item>
/// <item><term>ADDRESS_NOT_FOUND</term><description>an address, parcel id or city address id the assessing backbone does
/// not have (<c>address "22 SARATOGA ST 02128" not found</c>, <c>parcel … not in assessing</c>), or a record a steward
/// left unmatched on purpose (<c>left unmatched by …</c>: no building is it)</description></item>
/// <item><term>OUTSIDE_AREA</term><description>coordinates outside the service area, or a point with no building within
/// the tolerance and no address to try instead</description></item>
/// <item><term>OMITTED_FIELD</term><description>a required field left blank (<c>missing case_no</c>), or nothing that
/// places the row at all (<c>cannot be located: no address, …</c>)</description></item>
/// <item><term>DUPLICATE</term><description>the same record id twice in one export (<c>duplicate of line 12</c>,
/// <c>superseded by line 40</c>)</description></item>
/// <item><term>INVALID_VALUE</term><description>anything else: a value that is there but cannot be used (a date that is
/// not one, an address that cannot be parsed, a field too long, damaged bytes)</description></item>
/// </list>
/// </summary>
public static class DiscrepancyCodes
{
    public const string AddressRange = "ADDRESS_RANGE";
    public const string AddressNotFound = "ADDRESS_NOT_FOUND";
    public const string OutsideArea = "OUTSIDE_AREA";
    public const string OmittedField = "OMITTED_FIELD";
    public const string Duplicate = "DUPLICATE";
    public const string InvalidValue = "INVALID_VALUE";

    /// <summary>The code of a row the reader rejected (<c>rejected_row.reason</c>).</summary>
    public static string OfRejection(string reason)
    {
        if (Has(reason, "duplicate of line") || Has(reason, "superseded by line"))
        {
            return Duplicate;
        }

        if (Has(reason, "outside service area"))
        {
            return OutsideArea;
        }

        return reason.StartsWith("missing ", StringComparison.OrdinalIgnoreCase) || Has(reason, "cannot be located")
            ? OmittedField
            : InvalidValue;
    }

    /// <summary>
    /// The code of a record left without a building (<c>feed_record.unmatched_reason</c>: its parts joined by "; ", the
    /// address part deciding, as it is the one the publisher can correct).
    /// </summary>
    public static string OfUnmatched(string reason)
    {
        if (Has(reason, " buildings: "))
        {
            return AddressRange;
        }

        // "left unmatched by <steward>": a steward looked and found no building it belongs to.
        if (Has(reason, "\" not found") || Has(reason, "not in assessing") || Has(reason, " not known") || reason.StartsWith("left unmatched by ", StringComparison.Ordinal))
        {
            return AddressNotFound;
        }

        if (Has(reason, "could not be parsed"))
        {
            return InvalidValue;
        }

        return Has(reason, "no building within") ? OutsideArea : OmittedField;
    }

    private static bool Has(string reason, string words) => reason.Contains(words, StringComparison.OrdinalIgnoreCase);
}
