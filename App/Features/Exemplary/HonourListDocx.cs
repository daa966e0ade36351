using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Funding;
using static HocTapSuotDoi.Features.Decisions.Align;

namespace HocTapSuotDoi.Features.Exemplary;

public sealed record HonourListData(string Commune, int Year, DateOnly Date, IReadOnlyList<StoryRow> Stories, IReadOnlyList<LearnerAward> Awards, string Signer);

// The honour list of a year in the layout of an administrative document (Nghị định 30/2020/NĐ-CP): the issuing body
// and the Quốc hiệu on one line, the place and date, the two lists, and the signature of the committee's head.
public static class HonourListDocx
{
    public static byte[] Write(HonourListData d, DecisionLayout layout)
    {
        var w = new DocxWriter(layout);
        DecisionDocx.CommitteeHeader(w, d.Commune, d.Date);
        w.Add(w.Para(Center));
        w.Add(w.Line(Center, new TextRun("BẢNG VINH DANH", Bold: true)));
        w.Add(w.Para(Center, new TextRun($"Gương điển hình trong học tập suốt đời và người học được khen thưởng năm {d.Year}", Bold: true)));

        var stories = d.Stories.Select((s, i) => new[]
        {
            Cell(w, (i + 1).ToString(CultureInfo.InvariantCulture), Center), Cell(w, s.Name, Left), Cell(w, ExemplaryTexts.Kind(s.Kind), Left), Cell(w, s.VillageName ?? "", Left), Cell(w, s.Title, Left),
        }).ToList();
        Part(w, "I. GƯƠNG ĐIỂN HÌNH", "Chưa có gương điển hình được ghi nhận trong năm.",
            [1.1, 5.0, 2.4, 2.2, w.TextWidthCm - 1.1 - 5.0 - 2.4 - 2.2], ["STT", "Cá nhân, hộ, dòng họ, đơn vị", "Loại", "Thôn", "Thành tích tiêu biểu"], stories);

        w.Add(w.Para(Left));
        var awards = d.Awards.Select((a, i) => new[]
        {
            Cell(w, (i + 1).ToString(CultureInfo.InvariantCulture), Center), Cell(w, a.Party, Left), Cell(w, a.Village ?? "", Left),
            Cell(w, a.Content.StartsWith(FundingTexts.Purpose(a.Purpose), StringComparison.OrdinalIgnoreCase) ? a.Content : $"{FundingTexts.Purpose(a.Purpose)}: {a.Content}", Left), Cell(w, Money.Format(a.Amount), Right),
        }).ToList();
        if (awards.Count > 0)
        {
            awards.Add([Cell(w, "", Center), Cell(w, "Cộng", Left, bold: true), Cell(w, "", Left), Cell(w, $"{d.Awards.Count} người", Left, bold: true),
                Cell(w, Money.Format(d.Awards.Sum(a => a.Amount)), Right, bold: true)]);
        }
        Part(w, "II. HỌC BỔNG, KHEN THƯỞNG CHO NGƯỜI HỌC (QUỸ KHUYẾN HỌC)", "Chưa có khoản học bổng, khen thưởng nào trong năm.",
            [1.1, 4.8, 2.2, w.TextWidthCm - 1.1 - 4.8 - 2.2 - 2.9, 2.9], ["STT", "Người nhận", "Thôn", "Nội dung", "Số tiền"], awards);

        DecisionDocx.Signature(w, ["Ủy ban nhân dân xã;", "Hội Khuyến học xã;", "Các thôn (để niêm yết);", "Lưu: BCĐ."], ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"],
            d.Signer);
        return w.Save($"Bảng vinh danh năm {d.Year}");
    }

    private static OpenXmlElement[] Cell(DocxWriter w, string text, JustificationValues align, bool bold = false) =>
        [w.Line(align, new TextRun(text, Bold: bold, SizePt: w.Layout.TableFontSizePt))];

    // A numbered part of the list: its heading, then its table, or a line saying the year has none.
    private static void Part(DocxWriter w, string heading, string whenEmpty, double[] widthsCm, string[] titles, List<OpenXmlElement[][]> rows)
    {
        w.Add(w.Para(Left, new TextRun(heading, Bold: true)));
        if (rows.Count == 0)
        {
            w.Add(w.Para(Left, true, new TextRun(whenEmpty, Italic: true)));
        }
        else
        {
            w.Add(DocxWriter.ListTable(widthsCm, [titles.Select(t => Cell(w, t, Center, bold: true)).ToArray(), .. rows]));
        }
    }
}
