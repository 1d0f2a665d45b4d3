using System.Globalization;
using System.Text;

namespace BIS.Domain.Hazards;

/// <summary>NFPA 704 special-hazard quadrant. A diamond may carry more than one.</summary>
[Flags]
public enum Nfpa704Special
{
    None = 0,
    /// <summary>"W" (struck-through W): reacts with water; do not apply water.</summary>
    WaterReactive = 1,
    /// <summary>"OX": oxidizer, feeds a fire with oxygen.</summary>
    Oxidizer = 2,
    /// <summary>"SA": simple asphyxiant gas.</summary>
    SimpleAsphyxiant = 4,
}

/// <summary>
/// An NFPA 704 "fire diamond". A rating outside 0–4 is treated as unknown (null) rather than guessed,
/// because a wrong number on a hazard card is worse than a missing one.
/// </summary>
public readonly record struct Nfpa704
{
    private Nfpa704(int? health, int? flammability, int? instability, Nfpa704Special special)
    {
        Health = health;
        Flammability = flammability;
        Instability = instability;
        Special = special;
    }

    public int? Health { get; }
    public int? Flammability { get; }
    public int? Instability { get; }
    public Nfpa704Special Special { get; }

    /// <summary>True when any quadrant is known.</summary>
    public bool IsRated => Health is not null || Flammability is not null || Instability is not null || Special != Nfpa704Special.None;

    /// <summary>Highest of the three numeric ratings; null when none is known.</summary>
    public int? MaxRating => new[] { Health, Flammability, Instability }.Max();

    public bool IsWaterReactive => Special.HasFlag(Nfpa704Special.WaterReactive);

    /// <summary>Builds a diamond from permit fields; out-of-range ratings and unrecognised specials become unknown.</summary>
    public static Nfpa704 Create(int? health, int? flammability, int? instability, string? special = null) =>
        new(Valid(health), Valid(flammability), Valid(instability), ParseSpecial(special));

    /// <summary>"W", "OX", "OXY", "SA", "-W-", "W OX", "W/OX" → flags; anything else is ignored.</summary>
    public static Nfpa704Special ParseSpecial(string? special)
    {
        var result = Nfpa704Special.None;
        if (string.IsNullOrWhiteSpace(special))
        {
            return result;
        }

        foreach (var token in special.ToUpperInvariant().Split([' ', ',', '/', ';', '-', '+'], StringSplitOptions.RemoveEmptyEntries))
        {
            result |= token switch
            {
                "W" => Nfpa704Special.WaterReactive,
                "OX" or "OXY" => Nfpa704Special.Oxidizer,
                "SA" => Nfpa704Special.SimpleAsphyxiant,
                _ => Nfpa704Special.None,
            };
        }

        return result;
    }

    /// <summary>"NFPA 704: H3 F0 I0 W"; unknown ratings print as "?"; "NFPA 704: not rated" when nothing is known.</summary>
    public override string ToString()
    {
        if (!IsRated)
        {
            return "NFPA 704: not rated";
        }

        var text = new StringBuilder("NFPA 704:");
        text.Append(" H").Append(Rating(Health))
            .Append(" F").Append(Rating(Flammability))
            .Append(" I").Append(Rating(Instability));
        if (Special.HasFlag(Nfpa704Special.WaterReactive))
        {
            text.Append(" W");
        }

        if (Special.HasFlag(Nfpa704Special.Oxidizer))
        {
            text.Append(" OX");
        }

        if (Special.HasFlag(Nfpa704Special.SimpleAsphyxiant))
        {
            text.Append(" SA");
        }

        return text.ToString();
    }

    private static int? Valid(int? rating) => rating is >= 0 and <= 4 ? rating : null;

    private static string Rating(int? rating) => rating?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
