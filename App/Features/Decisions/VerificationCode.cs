using System.Security.Cryptography;

namespace HocTapSuotDoi.Features.Decisions;

// The code printed on a certificate, typed by whoever checks it: no look-alike characters (0/O, 1/I/L). 31 characters
// to the power of 8 (about 850 billion) leave no room for guessing.
public static class VerificationCode
{
    public const int Length = 8;
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => string.Create(Length, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });

    // What a person typed ("abcd-2345", " ABCD 2345 ") as stored, or null when it cannot be a code.
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
