using System.Text;

namespace BIS.Domain.Addresses;

/// <summary>One upper-case word of an address. <see cref="AfterComma"/> keeps the only punctuation that carries meaning: a field break.</summary>
internal readonly record struct AddressToken(string Text, bool AfterComma = false)
{
    public bool StartsWithDigit => Text.Length > 0 && char.IsAsciiDigit(Text[0]);
    public bool StartsWithLetter => Text.Length > 0 && char.IsLetter(Text[0]);
    public bool IsDigits => Text.Length > 0 && Text.All(char.IsAsciiDigit);
}

/// <summary>Splits free text into address words, folding case, accents and punctuation the feeds use inconsistently.</summary>
internal static class AddressTokenizer
{
    // Real address lines have well under 20 words of under 20 letters. Far bigger input is not an address,
    // and refusing it keeps hostile strings from turning into huge keys.
    private const int MaxTokens = 40;
    private const int MaxTokenLength = 40;

    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOOUUUUYAAAAAACEEEEIIIINOOOOOOUUUUYY";

    /// <summary>Tokens of <paramref name="text"/>; empty for blank text, null when the text is too big to be an address.</summary>
    public static List<AddressToken>? Tokenize(string? text)
    {
        var tokens = new List<AddressToken>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var word = new StringBuilder();
        var afterComma = false;

        bool Flush()
        {
            if (word.Length > 0)
            {
                if (word.Length > MaxTokenLength)
                {
                    return false;
                }

                var text = word.ToString();
                // "361Sumner St", "43Saratoga St": a missing space between number and street. Two letters or
                // fewer stay attached: they are the number's ("16RA") or an ordinal ("13TH").
                var digits = text.TakeWhile(char.IsAsciiDigit).Count();
                if (digits > 0 && text.Length - digits >= 3 && text.Skip(digits).All(char.IsAsciiLetter))
                {
                    tokens.Add(new AddressToken(text[..digits], afterComma));
                    tokens.Add(new AddressToken(text[digits..]));
                }
                else
                {
                    tokens.Add(new AddressToken(text, afterComma));
                }

                afterComma = false;
                word.Clear();
            }

            return tokens.Count <= MaxTokens;
        }

        bool Emit(string symbol)
        {
            if (!Flush())
            {
                return false;
            }

            tokens.Add(new AddressToken(symbol, afterComma));
            afterComma = false;
            return tokens.Count <= MaxTokens;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = true;
            if (char.IsAsciiLetter(c) || char.IsAsciiDigit(c))
            {
                word.Append(char.ToUpperInvariant(c));
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '`')
            {
                // O'Donnell / ODonnell / O Donnell: joining is the spelling most feeds converge on.
                continue;
            }
            else if (c == '/' && word.Length > 0 && char.IsAsciiDigit(word[^1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                word.Append(c); // the "1/2" of "12 1/2"; any other slash ("East Boston/") is a separator
            }
            else if (c is '-' or '#' or '&')
            {
                // Kept as their own tokens: '-' joins number ranges, '#' introduces a unit, '&' marks an intersection.
                ok = Emit(c.ToString());
            }
            else if (c is ',' or ';')
            {
                ok = Flush();
                afterComma = true;
            }
            else if (c is '(' or '[')
            {
                // Bracketed text is commentary ("Dorchester (Lower Mills)", "[EXIT-18]", "(EB)"), never part of the
                // address; an unclosed bracket runs to the end of the text.
                var close = text.IndexOf(c == '(' ? ')' : ']', i + 1);
                ok = Flush();
                i = close > 0 ? close : text.Length;
            }
            else if (c == '\u00BD')
            {
                ok = Emit("1/2");
            }
            else if (char.IsLetter(c))
            {
                var folded = Accented.IndexOf(c);
                word.Append(folded >= 0 ? Plain[folded] : char.ToUpperInvariant(c));
            }
            else
            {
                ok = Flush(); // whitespace, control characters, periods and any other symbol separate words
            }

            if (!ok)
            {
                return null;
            }
        }

        return Flush() ? tokens : null;
    }
}
