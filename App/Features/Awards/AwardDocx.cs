using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using static HocTapSuotDoi.Features.Decisions.DocumentTexts;
using static HocTapSuotDoi.Features.Decisions.Align;

namespace HocTapSuotDoi.Features.Awards;

public sealed record AwardDocumentData(string Commune, string LevelAbove, AwardRound Round, IReadOnlyList<AwardProposal> Approved);

// The commune chair's award decision (Giấy khen) and the proposal to the level above (tờ trình with its list), in the
// format of the recognition decision: the same header, Quốc hiệu on one line, articles and signature (DecisionDocx).
public static class AwardDocx
{
    public static string Occasion(AwardRound round) => round.Kind switch
    {
        AwardRoundKind.Yearly => $"năm {round.Year}",
        AwardRoundKind.MidTermReview => $"sơ kết giai đoạn 1 ({round.FromYear} - {round.ToYear})",
        _ => $"tổng kết giai đoạn {round.FromYear} - {round.ToYear}",
    };

    // "Gia đình ông/bà Lê Văn Thử", "Ông/Bà Hà Thị Lan", else the name as registered.
    public static string Awardee(SubjectKind kind, string name) => kind switch
    {
        SubjectKind.Household => $"Gia đình ông/bà {name}",
        SubjectKind.Person => $"Ông/Bà {name}",
        _ => name,
    };

    public static string Counts(IReadOnlyList<AwardProposal> proposals)
    {
        var parts = Enum.GetValues<AwardeeCategory>()
            .Select(c => (Category: c, Count: proposals.Count(p => AwardTexts.CategoryOf(p.SubjectKind) == c)))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Count:00} {AwardTexts.Category(x.Category).ToLower(Setup.AppServices.Vietnamese)}");
        return string.Join(", ", parts);
    }

    public static byte[] Decision(AwardDocumentData data, DecisionLayout layout)
    {
        var round = data.Round;
        var awarded = data.Approved.Where(p => p.Form == AwardForm.CommuneCertificate).ToList();
        var number = $"{round.DecisionNumber}/{DecisionDefaults.Symbol}";
        var date = round.DecisionDate ?? new DateOnly(round.Year, 12, 31);
        var w = new DocxWriter(layout);
        var body = DecisionDefaults.IssuingBody(data.Commune);
        DecisionDocx.Header(w, IssuerLines(body).Select(l => new TextRun(l, Bold: true)).ToArray(), $"Số: {number}", DateLine(data.Commune, date));
        DecisionDocx.KindAndSummary(w, "QUYẾT ĐỊNH", $"Về việc khen thưởng trong Phong trào thi đua xây dựng xã hội học tập {Occasion(round)}");
        w.Add(w.Para(Center, new TextRun($"CHỦ TỊCH {Upper(body)}", Bold: true)));
        string[] bases =
        [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            $"Căn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai Phong trào {DecisionDefaults.Movement};",
            $"Căn cứ Kế hoạch của Ủy ban nhân dân xã {data.Commune} triển khai Phong trào {DecisionDefaults.Movement} trên địa bàn xã {data.Commune};",
            $"Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã{(round.CouncilMeeting.Length > 0 ? $" ({round.CouncilMeeting})" : "")}.",
        ];
        foreach (var basis in bases)
        {
            w.Add(w.Para(Both, true, new TextRun(basis, Italic: true)));
        }
        w.Add(w.Para(Center, new TextRun("QUYẾT ĐỊNH:", Bold: true)));
        DecisionDocx.Article(w, 1, $"Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho {Counts(awarded)} đã có thành tích xuất sắc " +
            $"trong Phong trào thi đua xây dựng xã hội học tập {Occasion(round)} (có danh sách kèm theo).");
        DecisionDocx.Article(w, 2, "Quyết định này có hiệu lực kể từ ngày ký. Kinh phí khen thưởng chi theo quy định hiện hành.");
        DecisionDocx.Article(w, 3, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, Hội đồng Thi đua - Khen thưởng xã, Ban chỉ đạo xây dựng xã hội học tập xã, " +
            "bộ phận kế toán, các thôn và các tập thể, hộ gia đình, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.");
        DecisionDocx.Signature(w, ["Như Điều 3;", "Hội đồng TĐKT xã;", "Lưu: VT."], PositionLines(round.SignerPosition), round.SignerName);

        var listTitle = w.Para(Center, new TextRun("DANH SÁCH", Bold: true));
        DocxWriter.PageBreakBefore(listTitle);
        w.Add(listTitle);
        w.Add(w.Line(Center, new TextRun($"Tập thể, hộ gia đình, cá nhân được tặng Giấy khen {Occasion(round)}", Bold: true)));
        w.Add(w.Para(Center, new TextRun($"(Kèm theo Quyết định số {number} ngày {ShortDate(date)} của Chủ tịch {body})", Italic: true)));
        ListByCategory(w, awarded);
        return w.Save($"Quyết định khen thưởng số {number}");
    }

    public static byte[] Submission(AwardDocumentData data, DecisionLayout layout)
    {
        var round = data.Round;
        var proposed = data.Approved.Where(p => p.Form != AwardForm.CommuneCertificate).ToList();
        var date = round.SubmissionDate ?? new DateOnly(round.Year, 12, 31);
        var number = round.SubmissionNumber is { } n ? $"{n}/TTr-UBND" : "      /TTr-UBND";
        var w = new DocxWriter(layout);
        var body = DecisionDefaults.IssuingBody(data.Commune);
        DecisionDocx.Header(w, IssuerLines(body).Select(l => new TextRun(l, Bold: true)).ToArray(), $"Số: {number}", DateLine(data.Commune, date));
        DecisionDocx.KindAndSummary(w, "TỜ TRÌNH", $"Về việc đề nghị khen thưởng trong Phong trào thi đua xây dựng xã hội học tập {Occasion(round)}");
        w.Add(w.Para(Center, new TextRun($"Kính gửi: {data.LevelAbove}.")));
        w.Add(w.Para(Both, true, new TextRun(
            $"Thực hiện Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai Phong trào {DecisionDefaults.Movement} " +
            $"và Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; trên cơ sở kết quả xét của Hội đồng Thi đua - Khen thưởng xã" +
            $"{(round.CouncilMeeting.Length > 0 ? $" ({round.CouncilMeeting})" : "")}, Ủy ban nhân dân xã {data.Commune} kính đề nghị {data.LevelAbove} " +
            $"xem xét, khen thưởng hoặc trình cấp có thẩm quyền khen thưởng {Counts(proposed)} có thành tích xuất sắc {Occasion(round)}, cụ thể:")));
        var forms = proposed.GroupBy(p => p.Form).OrderByDescending(g => g.Key).ToList();
        foreach (var group in forms)
        {
            w.Add(w.Para(Both, true, new TextRun($"- {AwardTexts.Form(group.Key)}: {Counts(group.ToList())}{(group == forms[^1] ? "." : ";")}")));
        }
        w.Add(w.Para(Both, true, new TextRun("(Có danh sách và tóm tắt thành tích kèm theo.)", Italic: true)));
        w.Add(w.Para(Both, true, new TextRun($"Ủy ban nhân dân xã {data.Commune} kính trình {data.LevelAbove} xem xét, quyết định./.")));
        DecisionDocx.Signature(w, ["Như trên;", "Hội đồng TĐKT xã;", "Lưu: VT."], PositionLines(round.SignerPosition), round.SignerName);

        var listTitle = w.Para(Center, new TextRun("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", Bold: true));
        DocxWriter.PageBreakBefore(listTitle);
        w.Add(listTitle);
        w.Add(w.Para(Center, new TextRun($"(Kèm theo Tờ trình số {number} ngày {ShortDate(date)} của {body})", Italic: true)));
        foreach (var group in proposed.GroupBy(p => p.Form).OrderByDescending(g => g.Key))
        {
            w.Add(w.Para(Left, new TextRun(AwardTexts.Form(group.Key), Bold: true)));
            ListByCategory(w, group.ToList());
        }
        return w.Save($"Tờ trình đề nghị khen thưởng {Occasion(round)}");
    }

    // One numbered table per category (tập thể, hộ gia đình, cá nhân): name, village, summary of achievements.
    private static void ListByCategory(DocxWriter w, IReadOnlyList<AwardProposal> proposals)
    {
        var size = w.Layout.TableFontSizePt;
        var roman = new[] { "I", "II", "III" };
        var index = 0;
        foreach (var group in proposals.GroupBy(p => AwardTexts.CategoryOf(p.SubjectKind)).OrderBy(g => g.Key))
        {
            var heading = w.Para(Left, new TextRun($"{roman[index++]}. {AwardTexts.Category(group.Key).ToUpper(Setup.AppServices.Vietnamese)} ({group.Count():00})", Bold: true));
            DocxWriter.KeepWithNext(heading);
            w.Add(heading);
            OpenXmlElement[] Cell(string text, JustificationValues align, bool bold = false) => [w.Line(align, new TextRun(text, Bold: bold, SizePt: size))];
            var columns = new[] { 1.2, 5.6, 3.0, w.TextWidthCm - 9.8 };
            var rows = new List<OpenXmlElement[][]>
            {
                new[] { Cell("STT", Center, true), Cell(group.Key == AwardeeCategory.Collective ? "Tên tập thể" : "Họ và tên", Center, true),
                    Cell("Thôn", Center, true), Cell("Thành tích", Center, true) },
            };
            var i = 0;
            foreach (var p in group.OrderBy(p => p.SubjectKind).ThenBy(p => p.Id))
            {
                rows.Add([Cell((++i).ToString(CultureInfo.InvariantCulture), Center), Cell(Awardee(p.SubjectKind, p.SubjectName), Left), Cell(p.VillageName, Left), Cell(p.Achievements, Left)]);
            }
            w.Add(DocxWriter.ListTable(columns, rows.ToArray()));
        }
        w.Add(w.Para(Left, new TextRun($"(Danh sách gồm {Counts(proposals)}.)", Italic: true)));
    }
}
