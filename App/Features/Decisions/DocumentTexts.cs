using System.Globalization;
using System.Text.RegularExpressions;

namespace HocTapSuotDoi.Features.Decisions;

// Wording rules of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) shared by the .docx and the PDF.
public static class DocumentTexts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    public static string Upper(string text) => text.ToUpper(Vietnamese);

    // "Cẩm Tân, ngày 05 tháng 12 năm 2026": days below 10 and months below 3 take a leading zero.
    public static string DateLine(string place, DateOnly date) =>
        $"{place}, ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00") : date.Month.ToString())} năm {date.Year}";

    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", Vietnamese);

    public static string Points(int tenths) => (tenths / 10m).ToString("0.#", Vietnamese);

    // "Ủy ban nhân dân xã Cẩm Tân" is printed on two lines: "ỦY BAN NHÂN DÂN" / "XÃ CẨM TÂN".
    public static IReadOnlyList<string> IssuerLines(string issuingBody)
    {
        const string committee = "Ủy ban nhân dân ";
        var body = issuingBody.Trim();
        return body.StartsWith(committee, StringComparison.OrdinalIgnoreCase) && body.Length > committee.Length
            ? [Upper(committee.Trim()), Upper(body[committee.Length..].Trim())]
            : [Upper(body)];
    }

    // "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH" is signed on two lines.
    public static IReadOnlyList<string> PositionLines(string position) =>
        Regex.Split(position, @"\s+[–-]\s+|\n").Select(l => l.Trim()).Where(l => l.Length > 0).Select(Upper).ToList();

    public static string Quoted(string title) => $"“{title}”";
}
