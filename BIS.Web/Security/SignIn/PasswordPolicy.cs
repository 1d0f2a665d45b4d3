using System.Collections.Frozen;

namespace BIS.Web.Security.SignIn;

/// <summary>A password a local account may not have, with the reason to show whoever chose it.</summary>
public sealed class PasswordPolicyException(string message) : ArgumentException(message);

/// <summary>
/// NIST SP 800-63B for passwords people choose: long enough, not one everybody else chose, and no
/// composition rules (they make passwords harder to remember, not to guess). Checked wherever a
/// password is set, never at sign-in, so an older account still signs in until its password is changed.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    /// <summary>The sign-in form's own limit; a longer password could be set but never typed in.</summary>
    public const int MaxLength = 256;

    /// <summary>
    /// The common passwords of 12 characters or more, compared without case ("Password1234" is as
    /// guessable as "password1234"). Read once, on first use: 43,940 entries.
    /// </summary>
    private static readonly Lazy<FrozenSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("BIS.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in BIS.Web.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>How many entries the common-password list holds (lines that differ only in case count once).</summary>
    public static int CommonCount => Common.Value.Count;

    /// <summary>Why the password may not be used, or null when it may.</summary>
    public static string? ProblemWith(string password, string username)
    {
        // Characters as a person counts them: an accented letter or an emoji is one, not two UTF-16 units.
        var length = password.EnumerateRunes().Count();
        if (length < MinLength)
        {
            return $"A password needs at least {MinLength} characters (a few words make a good one).";
        }

        if (password.Length > MaxLength)
        {
            return $"A password may have at most {MaxLength} characters.";
        }

        if (string.Equals(password.Trim(), username.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "A password may not be the user name.";
        }

        return Common.Value.Contains(password)
            ? "This password is on a list of commonly used passwords; choose another."
            : null;
    }

    /// <summary>Throws <see cref="PasswordPolicyException"/> when the password may not be used.</summary>
    public static void Enforce(string password, string username)
    {
        if (ProblemWith(password, username) is { } problem)
        {
            throw new PasswordPolicyException($"Password for '{username}' refused: {problem}");
        }
    }
}
