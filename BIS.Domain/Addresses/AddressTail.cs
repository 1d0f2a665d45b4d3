namespace BIS.Domain.Addresses;

/// <summary>Strips the city, state and ZIP that address lines carry after the street ("… ST East Boston 02128", "… SQ Boston, MA 02119").</summary>
internal static class AddressTail
{
    /// <summary>Removes the trailing ZIP, state and places from <paramref name="tokens"/>; always leaves at least one word of street.</summary>
    public static (string? Zip, string? City) Strip(List<AddressToken> tokens)
    {
        var end = tokens.Count;
        var zip = TakeZip(tokens, ref end, out var hadZip);
        var hadState = false;
        if (end >= 1 && PlaceNames.IsState(tokens[end - 1].Text))
        {
            end--;
            hadState = true;
        }

        string? city = null;
        // A line that is only a place ("East Boston", "Boston, MA 02128") names no street: nothing is left of it.
        if (PlaceNames.TryGetPlace(tokens.Take(end).Select(t => t.Text), out var whole))
        {
            tokens.Clear();
            return (zip, whole);
        }

        // Right to left: "… ST Dorchester, Boston MA" keeps the most specific place, the leftmost.
        var followedByPostal = hadZip || hadState;
        while (TryTakePlace(tokens, end, followedByPostal, zip, out var start, out var place))
        {
            city = place;
            end = start;
            followedByPostal = false;
        }

        tokens.RemoveRange(end, tokens.Count - end);
        return (zip, city);
    }

    private static string? TakeZip(List<AddressToken> tokens, ref int end, out bool found)
    {
        found = false;
        if (end < 2)
        {
            return null;
        }

        var last = tokens[end - 1];
        // ZIP+4 arrives as "02128", "-", "1234" from the tokenizer.
        if (end >= 4 && tokens[end - 2].Text == "-" && IsDigits(tokens[end - 3], 5) && IsDigits(last, 4))
        {
            end -= 3;
        }
        else if (IsDigits(last, 5) || IsDigits(last, 9))
        {
            end -= 1;
        }
        // A ZIP that lost its leading zero in a spreadsheet ("2128") is only taken after a state or place:
        // elsewhere four digits are a unit or a house number.
        else if (IsDigits(last, 4) && last.Text[0] is '1' or '2' && end >= 3 && FollowsStateOrPlace(tokens, end - 1))
        {
            end -= 1;
        }
        else
        {
            return null;
        }

        found = true;
        return AddressNormalizer.NormalizeZip(tokens[end].Text);
    }

    private static bool FollowsStateOrPlace(List<AddressToken> tokens, int index) =>
        PlaceNames.IsState(tokens[index - 1].Text) || PlaceNames.PlacesEndingAt(tokens, index).Any();

    private static bool TryTakePlace(List<AddressToken> tokens, int end, bool followedByPostal, string? zip, out int start, out string place)
    {
        foreach (var (candidateStart, candidate) in PlaceNames.PlacesEndingAt(tokens, end))
        {
            // Never strip the street itself: "59 FENWAY Boston MA" keeps FENWAY, "Boston, MA 02128" stays a place.
            if (!tokens.Take(candidateStart).Any(t => t.StartsWithLetter))
            {
                continue;
            }

            // "Charlesgate East, Boston": a comma inside the phrase means the words belong to different fields.
            if (tokens.Skip(candidateStart + 1).Take(end - candidateStart - 1).Any(t => t.AfterComma))
            {
                continue;
            }

            var before = tokens[candidateStart - 1].Text;
            var afterStreetType = StreetSuffixes.IsSuffix(before);
            if (PlaceNames.StartsWithCompassWord(candidate))
            {
                // "W Broadway South Boston" is far more common than a post-directional street followed by "Boston",
                // so a compass-named neighbourhood wins unless its ZIP says otherwise.
                if (!afterStreetType && !PlaceNames.ZipAllows(candidate, zip))
                {
                    continue;
                }
            }
            else
            {
                // A place is only a place where one can be: before the state/ZIP, after a comma, after the street's
                // type or directional, after a unit number ("1180 Washington ST 500 Roxbury"), or after another place.
                var placed = followedByPostal || tokens[candidateStart].AfterComma || afterStreetType
                    || StreetWords.IsDirectional(before) || tokens[candidateStart - 1].StartsWithDigit
                    || PlaceNames.PlacesEndingAt(tokens, candidateStart).Any();
                if (!placed)
                {
                    continue;
                }
            }

            start = candidateStart;
            place = candidate;
            return true;
        }

        start = end;
        place = string.Empty;
        return false;
    }

    private static bool IsDigits(AddressToken token, int length) => token.Text.Length == length && token.IsDigits;
}
