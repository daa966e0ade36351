using System.Text;

namespace HocTapSuotDoi.Seeding;

public static class TextKeys
{
    // "Cẩm Tân" → "CAM-TAN": a stable code made from a Vietnamese name.
    public static string Code(string name)
    {
        var decomposed = name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '-');
        }
        var code = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return code.Length > 20 ? code[..20] : code;
    }
}
