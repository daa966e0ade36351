using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Funding;
using static HocTapSuotDoi.Features.Decisions.DocumentTexts;

namespace HocTapSuotDoi.Features.Exemplary;

public sealed record HonourListData(string Commune, int Year, DateOnly Date, IReadOnlyList<StoryRow> Stories, IReadOnlyList<LearnerAward> Awards, string Signer);

// The honour list of a year in the layout of an administrative document (Nghị định 30/2020/NĐ-CP): the issuing body
// and the Quốc hiệu on one line, the place and date, the two lists, and the signature of the committee's head.
public static class HonourListDocx
{
    private static readonly JustificationValues Center = JustificationValues.Center;
    private static readonly JustificationValues Left = JustificationValues.Left;
    private static readonly JustificationValues Right = JustificationValues.Right;

    public static byte[] Write(HonourListData d, DecisionLayout layout)
    {
        var w = new DocxWriter(layout);
        DecisionDocx.Header(w, [new TextRun($"UBND XÃ {Upper(d.Commune)}"), new TextRun("BAN CHỈ ĐẠO\nXÂY DỰNG XÃ HỘI\nHỌC TẬP", Bold: true)],
            null, DateLine(d.Commune, d.Date));
        w.Add(w.Para(Center));
        w.Add(w.Line(Center, new TextRun("BẢNG VINH DANH", Bold: true)));
        w.Add(w.Para(Center, new TextRun($"Gương điển hình trong học tập suốt đời và người học được khen thưởng năm {d.Year}", Bold: true)));

        w.Add(w.Para(Left, new TextRun("I. GƯƠNG ĐIỂN HÌNH", Bold: true)));
        if (d.Stories.Count == 0)
        {
            w.Add(w.Para(Left, true, new TextRun("Chưa có gương điển hình được ghi nhận trong năm.", Italic: true)));
        }
        else
        {
            var rest = w.TextWidthCm - 1.1 - 5.0 - 2.4 - 2.2;
            var rows = new List<OpenXmlElement[][]> { Heading(w, "STT", "Cá nhân, hộ, dòng họ, đơn vị", "Loại", "Thôn", "Thành tích tiêu biểu") };
            rows.AddRange(d.Stories.Select((s, i) => new[]
            {
                Cell(w, (i + 1).ToString(CultureInfo.InvariantCulture), Center), Cell(w, s.Name, Left), Cell(w, ExemplaryTexts.Kind(s.Kind), Left), Cell(w, s.VillageName ?? "", Left), Cell(w, s.Title, Left),
            }));
            w.Add(DocxWriter.ListTable([1.1, 5.0, 2.4, 2.2, rest], rows.ToArray()));
        }

        w.Add(w.Para(Left));
        w.Add(w.Para(Left, new TextRun("II. HỌC BỔNG, KHEN THƯỞNG CHO NGƯỜI HỌC (QUỸ KHUYẾN HỌC)", Bold: true)));
        if (d.Awards.Count == 0)
        {
            w.Add(w.Para(Left, true, new TextRun("Chưa có khoản học bổng, khen thưởng nào trong năm.", Italic: true)));
        }
        else
        {
            var rest = w.TextWidthCm - 1.1 - 4.8 - 2.2 - 2.9;
            var rows = new List<OpenXmlElement[][]> { Heading(w, "STT", "Người nhận", "Thôn", "Nội dung", "Số tiền") };
            rows.AddRange(d.Awards.Select((a, i) => new[]
            {
                Cell(w, (i + 1).ToString(CultureInfo.InvariantCulture), Center), Cell(w, a.Party, Left), Cell(w, a.Village ?? "", Left),
                Cell(w, a.Content.StartsWith(FundingTexts.Purpose(a.Purpose), StringComparison.OrdinalIgnoreCase) ? a.Content : $"{FundingTexts.Purpose(a.Purpose)}: {a.Content}", Left), Cell(w, Money.Format(a.Amount), Right),
            }));
            rows.Add([Cell(w, "", Center), Cell(w, "Cộng", Left, bold: true), Cell(w, "", Left), Cell(w, $"{d.Awards.Count} người", Left, bold: true),
                Cell(w, Money.Format(d.Awards.Sum(a => a.Amount)), Right, bold: true)]);
            w.Add(DocxWriter.ListTable([1.1, 4.8, 2.2, rest, 2.9], rows.ToArray()));
        }

        DecisionDocx.Signature(w, ["Ủy ban nhân dân xã;", "Hội Khuyến học xã;", "Các thôn (để niêm yết);", "Lưu: BCĐ."], ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"],
            d.Signer);
        return w.Save($"Bảng vinh danh năm {d.Year}");
    }

    private static OpenXmlElement[] Cell(DocxWriter w, string text, JustificationValues align, bool bold = false) =>
        [w.Line(align, new TextRun(text, Bold: bold, SizePt: w.Layout.TableFontSizePt))];

    private static OpenXmlElement[][] Heading(DocxWriter w, params string[] titles) => titles.Select(t => Cell(w, t, Center, bold: true)).ToArray();
}
