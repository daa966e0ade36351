using System.Text.RegularExpressions;
using HocTapSuotDoi.Features.Criteria.Engine;

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
        $"{place}, ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", Vietnamese) : date.Month.ToString(Vietnamese))} năm {date.Year}";

    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", Vietnamese);

    // Null for a set scored by level (TT 24/2023, TT 25/2023): its total of 0 is no score, so nothing is printed.
    public static string Points(int? tenths) => tenths is { } t ? (t / 10m).ToString("0.#", Vietnamese) : "";

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

    // Straight quotes typed in a template or a text box become typographic: "Cả nước thi đua" → “Cả nước thi đua”.
    public static string CurlyQuotes(string text) => Regex.Replace(text, "\"([^\"]*)\"", "“$1”");

    // A registration names a household "Hộ Lê Văn Thử (H0012)" for the registers; documents print the head's name
    // without the internal code, and a clan as "Dòng họ …" however it was typed.
    public static string PrintedName(Title title, string subjectName)
    {
        var name = Regex.Replace(subjectName.Trim(), @"\s*\([^()]*\)$", "");
        return title switch
        {
            Title.FamilyLearning => StripPrefix(name, "Hộ gia đình ", "Gia đình ", "Hộ "),
            Title.ClanLearning => "Dòng họ " + StripPrefix(name, "Dòng họ ", "Họ "),
            Title.VillageCommunity => "Thôn " + StripPrefix(name, "Thôn "),
            _ => name,
        };
    }

    // Who a certificate is made out to, and where: "Gia đình ông/bà Lê Văn Thử" and "Thôn Tân Hòa, xã Cẩm Tân".
    public static (string Name, string Place) CertificateRecipient(Title title, string subjectName, string village, string commune)
    {
        var name = PrintedName(title, subjectName);
        var recipient = title switch
        {
            Title.FamilyLearning => $"Gia đình ông/bà {name}",
            Title.CitizenLearning => $"Ông/Bà {name}",
            _ => name,
        };
        var communeText = $"xã {commune}";
        var place = title is Title.VillageCommunity or Title.CommuneCommunity || village.Trim().Length == 0
            ? communeText
            : $"{"thôn " + StripPrefix(village.Trim(), "Thôn ")}, {communeText}";
        return (recipient, char.ToUpper(place[0], Vietnamese) + place[1..]);
    }

    private static string StripPrefix(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length)
            {
                return text[prefix.Length..].Trim();
            }
        }
        return text;
    }
}
