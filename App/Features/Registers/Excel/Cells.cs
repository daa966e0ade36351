namespace HocTapSuotDoi.Features.Registers.Excel;

// Reading one cell as a person meant it: text typed, a number Excel stored, or a date Excel recognised.
public static class Cells
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d"];

    public static string Text(object? value) => value switch
    {
        null => "",
        string s => Collapse(s),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    // Trimmed, with runs of spaces (and line breaks, non-breaking spaces) as one space; most cells need no copy.
    private static string Collapse(string text)
    {
        var clean = text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]));
        for (var i = 1; clean && i < text.Length; i++)
        {
            clean = !char.IsWhiteSpace(text[i]) || (text[i] == ' ' && text[i - 1] != ' ');
        }
        return clean ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // "15/03/1985" (or a cell Excel stored as a date) is a birth date; "1985" alone is a birth year.
    public static bool TryBirth(object? value, out DateTime? date, out int? year)
    {
        date = null;
        year = null;
        if (value is DateTime d)
        {
            date = d.Date;
            return true;
        }
        var text = Text(value);
        if (text.Length == 0)
        {
            return true;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            year = y;
            return true;
        }
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }

    public static bool TryCount(object? value, out int count)
    {
        count = 0;
        var text = Text(value).Replace(".", "").Replace(",", "");
        return text.Length == 0 || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    // A word from RegisterTexts; an empty cell gives the fallback (null: the column must be filled in).
    public static bool TryWord<T>(IReadOnlyDictionary<T, string> words, object? value, T? fallback, out T? result) where T : struct, Enum
    {
        var text = Text(value);
        if (text.Length == 0)
        {
            result = fallback;
            return true;
        }
        var keys = (Dictionary<string, T>)WordKeys.GetOrAdd(words, _ => words.ToDictionary(w => VietnameseText.SearchKey(w.Value), w => w.Key));
        var ok = keys.TryGetValue(VietnameseText.SearchKey(text), out var parsed);
        result = ok ? parsed : null;
        return ok;
    }

    // RegisterTexts.TryParse, with the words' keys computed once: a big file reads tens of thousands of words.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<object, object> WordKeys = new(ReferenceEqualityComparer.Instance);

    public static string NotAWord<T>(IReadOnlyDictionary<T, string> words, object? value) where T : struct, Enum =>
        $"\"{Text(value)}\" không phải là giá trị hợp lệ ({string.Join(", ", words.Values)})";
}
