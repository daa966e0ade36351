using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.PlanTasks;
using HocTapSuotDoi.Setup;
using static HocTapSuotDoi.Features.Decisions.DocumentTexts;
using static HocTapSuotDoi.Features.Decisions.Align;

namespace HocTapSuotDoi.Features.Phases;

// The sơ kết / tổng kết report in the administrative format, with the same header and signature as the decisions.
public static class PhaseReportDocx
{
    public static byte[] Write(PhaseReportData r, DecisionLayout layout)
    {
        var w = new DocxWriter(layout);
        DecisionDocx.CommitteeHeader(w, r.Commune, r.Date);
        var what = r.Phase.Number == 1 ? $"Sơ kết giai đoạn 1 ({r.FromYear} - {r.ToYear})" : $"Tổng kết giai đoạn {r.FromYear} - {r.ToYear}";
        DecisionDocx.KindAndSummary(w, "BÁO CÁO", $"{what} thực hiện Phong trào thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời");
        w.Add(w.Para(Center, new TextRun($"Kính gửi: {r.LevelAbove}.")));
        Text(w, $"Thực hiện Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ và Kế hoạch của Ủy ban nhân dân xã {r.Commune}, " +
            $"Ban chỉ đạo xây dựng xã hội học tập xã báo cáo {what.ToLower(AppServices.Vietnamese)} như sau:");

        Section(w, "I. KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP QUA CÁC NĂM");
        var years = r.Figures.Select(f => f.Year).Distinct().Order().ToList();
        var first = 4.2;
        var columns = new[] { first }.Concat(years.Select(_ => (w.TextWidthCm - first) / years.Count)).ToArray();
        var rows = new List<OpenXmlElement[][]> { new[] { Cell(w, "Danh hiệu", Center, true) }.Concat(years.Select(y => Cell(w, y.ToString(CultureInfo.InvariantCulture), Center, true))).ToArray() };
        foreach (var title in PhaseReportService.Titles)
        {
            rows.Add(new[] { Cell(w, title.DisplayName(), Left) }.Concat(years.Select(y =>
            {
                var point = r.Figures.First(f => f.Year == y && f.Title == title);
                var c = point.Counts;
                // A year without any registration in the app, and no figure entered from its report, has no result to show.
                return Cell(w, !point.Entered && c.Registered == 0 ? "—" : $"{c.Recognised.ToString("N0", AppServices.Vietnamese)}\n{VnPercent.Format(c.Recognised, c.Total)}", Center);
            })).ToArray());
        }
        w.Add(DocxWriter.ListTable(columns, rows.ToArray()));
        Text(w, "(Mỗi ô: số được công nhận và tỷ lệ trên tổng số đối tượng của năm; “—”: năm chưa có số liệu trên phần mềm.)", italic: true);
        foreach (var year in r.Figures.Where(f => f.Entered).GroupBy(f => f.Year).OrderBy(g => g.Key))
        {
            Text(w, Dashboard.ReportTables.EnteredNote(year.Key, year.Select(f => f.Source).Distinct()));
        }

        Section(w, "II. CÔNG TÁC KHEN THƯỞNG");
        if (r.Rounds.Count == 0)
        {
            Text(w, "Trong giai đoạn chưa tổ chức đợt khen thưởng nào trên phần mềm.");
        }
        foreach (var round in r.Rounds)
        {
            var decision = round.DecisionNumber is { } n ? $" (Quyết định số {n}/{DecisionDefaults.Symbol})" : "";
            Text(w, $"- {round.Name}: tặng Giấy khen của Chủ tịch UBND xã cho {round.CommuneCertificates} tập thể, hộ gia đình, cá nhân{decision}; " +
                $"đề nghị cấp trên khen thưởng {round.HigherProposals}; Hội đồng Thi đua - Khen thưởng không đồng ý {round.Refused} đề nghị.");
        }

        Section(w, "III. SÁNG KIẾN, MÔ HÌNH HAY, CÁCH LÀM HIỆU QUẢ");
        Text(w, string.Join("; ", r.InitiativeCounts.Where(c => c.Proposed > 0).Select(c => $"năm {c.Year}: {c.Proposed} đề xuất, {c.Recognised} được công nhận"))
            is { Length: > 0 } counts ? $"Kết quả theo năm — {counts}." : "Trong giai đoạn chưa ghi nhận sáng kiến, mô hình nào.");
        foreach (var initiative in r.RecognisedInitiatives.Take(20))
        {
            Text(w, $"- {initiative}");
        }

        Section(w, "IV. KINH PHÍ THỰC HIỆN");
        if (r.Funding is { Lines.Count: > 0 } funding)
        {
            var money = new List<OpenXmlElement[][]> { new[] { Cell(w, "Nguồn kinh phí", Center, true), Cell(w, "Đã huy động (đồng)", Center, true), Cell(w, "Đã chi (đồng)", Center, true) } };
            money.AddRange(funding.Lines.Select(l => new[] { Cell(w, l.Source, Left), Cell(w, l.Received.ToString("N0", AppServices.Vietnamese), Center), Cell(w, l.Spent.ToString("N0", AppServices.Vietnamese), Center) }));
            w.Add(DocxWriter.ListTable([w.TextWidthCm - 8, 4, 4], money.ToArray()));
            if (funding.Note.Length > 0)
            {
                Text(w, funding.Note);
            }
        }
        else
        {
            Text(w, "Phần mềm chưa ghi nhận số liệu kinh phí của giai đoạn; bộ phận kế toán bổ sung số liệu theo sổ kế toán khi hoàn thiện báo cáo.");
        }

        Section(w, "V. THỰC HIỆN NHIỆM VỤ THEO KẾ HOẠCH");
        Text(w, $"Tổng số {r.Tasks.Count} nhiệm vụ: hoàn thành {r.TasksDone}, đang thực hiện {r.Tasks.Count(t => t.Status == PlanTaskStatus.InProgress)}, " +
            $"chưa thực hiện {r.Tasks.Count(t => t.Status == PlanTaskStatus.NotStarted)}; quá hạn {r.TasksOverdue}.");
        foreach (var task in r.Tasks.Where(t => t.Overdue || t.DueDate is not null))
        {
            var due = task.DueDate is { } d ? $", hạn {ShortDate(d)}" : "";
            Text(w, $"- {task.Body}: {task.Title} ({PlanTaskTexts.Status(task.Status).ToLower(AppServices.Vietnamese)}{due}{(task.Overdue ? ", quá hạn" : "")}).");
        }

        Section(w, r.Phase.Number == 1 ? "VI. PHƯƠNG HƯỚNG GIAI ĐOẠN 2026 - 2030" : "VI. BÀI HỌC KINH NGHIỆM VÀ KIẾN NGHỊ");
        Text(w, r.Phase.Number == 1
            ? "Tiếp tục duy trì và nâng cao chất lượng các mô hình học tập; phấn đấu đạt các chỉ tiêu năm 2030; nhân rộng sáng kiến, mô hình hay; huy động các nguồn lực xã hội cho công tác khuyến học, khuyến tài."
            : "Tổng kết kinh nghiệm chỉ đạo, nhân rộng các mô hình hiệu quả và đề xuất nội dung của giai đoạn tiếp theo.");
        Text(w, $"Trên đây là báo cáo {what.ToLower(AppServices.Vietnamese)} của Ban chỉ đạo xây dựng xã hội học tập xã {r.Commune}./.");
        DecisionDocx.Signature(w, [$"{r.LevelAbove};", "Thường trực Đảng ủy, HĐND, UBND xã;", "Lưu: BCĐ."], PositionLines(r.SignerPosition), r.SignerName);
        return w.Save($"Báo cáo {what}");
    }

    private static void Section(DocxWriter w, string text)
    {
        var p = w.Para(Left, new TextRun(text, Bold: true));
        DocxWriter.KeepWithNext(p);
        w.Add(p);
    }

    private static void Text(DocxWriter w, string text, bool italic = false) => w.Add(w.Para(Both, true, new TextRun(text, Italic: italic)));

    private static OpenXmlElement[] Cell(DocxWriter w, string text, JustificationValues align, bool bold = false) =>
        [w.Line(align, new TextRun(text, Bold: bold, SizePt: w.Layout.TableFontSizePt - 1))];
}
