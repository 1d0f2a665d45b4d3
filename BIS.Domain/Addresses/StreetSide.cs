namespace BIS.Domain.Addresses;

/// <summary>
/// The side of a street a house number is on. US blocks are numbered with the even numbers on one side and the
/// odd on the other, so two addresses on opposite sides are different buildings however close their numbers are.
/// </summary>
public enum StreetSide
{
    Even,
    Odd,
}
