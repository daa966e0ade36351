using System.Text;

namespace HocTapSuotDoi.Common;

// Search and sort keys for Vietnamese text, stored in columns so the database does the work (any provider).
public static class VietnameseText
{
    // The Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (plus f j w z).
    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // "Nguyễn Văn  Đức" → "nguyen van duc": case, diacritics and "đ" ignored, spaces collapsed.
    public static string SearchKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in WellFormed(text).Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString().TrimEnd();
    }

    // "Nguyễn  Tấn Thành" → "nguyễn tấn thành": the name itself, diacritics kept (Unicode NFC), only case and spacing
    // ignored. Two names are the same name only when these keys are equal: "Nguyễn Tấn Thanh" and "Nguyễn Tấn Thành"
    // are two people, whose SearchKey is the same.
    public static string NameKey(string? text) =>
        string.Join(' ', WellFormed(text ?? "").Normalize(NormalizationForm.FormC).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Names to store: trimmed and in NFC, so a name typed with combining marks (NFD) is stored as the same letters.
    public static string Clean(string? text) => WellFormed(text ?? "").Trim().Normalize(NormalizationForm.FormC);

    // Zero-width and control characters (pasted from elsewhere, invisible on screen) and half an emoji make a name that
    // looks like another one: names refuse them (NameRules). An emoji itself is a character like any other.
    public static bool HasHiddenCharacters(string? text)
    {
        var rest = (text ?? "").AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return true;
            }
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }
            rest = rest[used..];
        }
        return false;
    }

    // Text as whole characters: half a surrogate pair (which .NET's normalization refuses) becomes U+FFFD.
    private static string WellFormed(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    // A key that sorts as Vietnamese lists do: letters in the Vietnamese alphabet order, then tones as a tie-break.
    public static string SortKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var letters = new StringBuilder();
        var tones = new StringBuilder();
        // Runes, not chars: an emoji (two chars) is one character, kept as it is after the letters.
        foreach (var rune in text.Trim().ToLowerInvariant().EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                letters.Append(' ');
                continue;
            }
            if (!rune.IsBmp)
            {
                letters.Append(rune.ToString());
                tones.Append('0');
                continue;
            }
            var (letter, tone) = Split((char)rune.Value);
            var index = Alphabet.IndexOf(letter);
            letters.Append(index >= 0 ? (char)('A' + index) : letter);
            tones.Append((char)('0' + tone));
        }
        // "!" sorts before every letter code, so "An" comes before "Anh"; tones only break ties.
        return letters + "!" + tones;
    }

    // "Nguyễn Văn An" sorts under "An": given name first, then family and middle names.
    public static string GivenNameSortKey(string? fullName)
    {
        var words = (fullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "";
        }
        return SortKey(words[^1] + " " + string.Join(' ', words[..^1]));
    }

    // Separates a letter's tone mark (huyền, sắc, hỏi, ngã, nặng) from the letter it sits on (which keeps ă, â, ê...).
    private static (char Letter, int Tone) Split(char ch)
    {
        if (ch == 'đ')
        {
            return ('đ', 0);
        }
        var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
        var tone = 0;
        var kept = new StringBuilder();
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case '\u0300': tone = 1; break; // huyền
                case '\u0301': tone = 2; break; // sắc
                case '\u0309': tone = 3; break; // hỏi
                case '\u0303': tone = 4; break; // ngã
                case '\u0323': tone = 5; break; // nặng
                default: kept.Append(c); break;
            }
        }
        var letter = kept.ToString().Normalize(NormalizationForm.FormC);
        return (letter.Length == 1 ? letter[0] : ch, tone);
    }
}
