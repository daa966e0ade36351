using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Features.Decisions.DocumentTexts;
using static HocTapSuotDoi.Features.Decisions.Align;

namespace HocTapSuotDoi.Features.Decisions;

// TotalTenths is null for a subject scored by level: the list prints its level only.
public sealed record ListedSubject(string Name, string Village, int? TotalTenths, string Rating);

public sealed record ProposalData(string Commune, Title Title, int Year, DateOnly Date, IReadOnlyList<ListedSubject> Subjects)
{
    // The sets (or items) the list was scored with that are "chưa đối chiếu" with the official text, said under the list.
    public IReadOnlyList<string> UncheckedNotes { get; init; } = [];
}

// The recognition decision and the proposal list as Word documents in the administrative format.
public static class DecisionDocx
{
    // uncheckedNotes: what of the criteria sets is "chưa đối chiếu", said under the annex's list (empty when all is checked);
    // scoredByLevel: the evaluations scored with a set by level, listed without points.
    public static byte[] Decision(Decision decision, DecisionLayout layout, IReadOnlyList<string> uncheckedNotes, IReadOnlySet<int> scoredByLevel)
    {
        var w = new DocxWriter(layout);
        var title = decision.Title.DisplayName();
        var noun = DecisionDefaults.Noun(decision.Title);
        var issuer = IssuerLines(decision.IssuingBody);

        Header(w, issuer.Select(l => new TextRun(l, Bold: true)).ToArray(),
            $"Số: {decision.FullNumber}", DateLine(decision.Place, decision.IssuedOn));
        KindAndSummary(w, "QUYẾT ĐỊNH", $"Về việc công nhận danh hiệu {Quoted(title)} năm {decision.Year}");
        w.Add(w.Para(Center, new TextRun($"CHỦ TỊCH {Upper(decision.IssuingBody)}", Bold: true)));
        foreach (var basis in DecisionDefaults.Lines(decision.Bases))
        {
            w.Add(w.Para(Both, true, new TextRun(basis, Italic: true)));
        }
        w.Add(w.Para(Center, new TextRun("QUYẾT ĐỊNH:", Bold: true)));
        Article(w, 1, $"Công nhận {decision.Subjects.Count} {noun} đạt danh hiệu {Quoted(title)} năm {decision.Year} (có danh sách kèm theo).");
        Article(w, 2, decision.Article2);
        Article(w, 3, decision.Article3);
        Signature(w, DecisionDefaults.Lines(decision.Recipients), PositionLines(decision.SignerPosition), decision.SignerName);

        var listTitle = w.Para(Center, new TextRun("DANH SÁCH", Bold: true));
        DocxWriter.PageBreakBefore(listTitle);
        w.Add(listTitle);
        w.Add(w.Line(Center, new TextRun($"{Capitalise(noun)} đạt danh hiệu {Quoted(title)} năm {decision.Year}", Bold: true)));
        w.Add(w.Para(Center, new TextRun(
            $"(Kèm theo Quyết định số {decision.FullNumber} ngày {ShortDate(decision.IssuedOn)} của Chủ tịch {decision.IssuingBody})", Italic: true)));
        SubjectTable(w, decision.Title, decision.Subjects.OrderBy(s => s.SortOrder)
            .Select(s => new ListedSubject(PrintedName(decision.Title, s.SubjectName), s.VillageName,
                scoredByLevel.Contains(s.EvaluationId) ? null : s.TotalTenths, s.Rating)).ToList());
        w.Add(w.Para(Left, new TextRun($"(Danh sách gồm {decision.Subjects.Count} {noun}.)", Italic: true)));
        Notes(w, uncheckedNotes);
        return w.Save($"Quyết định số {decision.FullNumber}");
    }

    public static byte[] Proposal(ProposalData data, DecisionLayout layout)
    {
        var w = new DocxWriter(layout);
        var title = data.Title.DisplayName();
        var noun = DecisionDefaults.Noun(data.Title);
        CommitteeHeader(w, data.Commune, data.Date);
        w.Add(w.Para(Center));
        w.Add(w.Line(Center, new TextRun("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN", Bold: true)));
        w.Add(w.Para(Center, new TextRun($"Danh hiệu {Quoted(title)} năm {data.Year}", Bold: true)));
        w.Add(w.Para(Both, true, new TextRun(
            $"Ban chỉ đạo xây dựng xã hội học tập xã {data.Commune} đề nghị Chủ tịch Ủy ban nhân dân xã công nhận " +
            $"{data.Subjects.Count} {noun} đạt danh hiệu {Quoted(title)} năm {data.Year}, gồm:")));
        SubjectTable(w, data.Title, data.Subjects);
        Notes(w, data.UncheckedNotes);
        Signature(w, ["Ủy ban nhân dân xã (để xem xét, quyết định);", "Lưu: BCĐ."], ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"], "");
        return w.Save($"Danh sách đề nghị công nhận {title} năm {data.Year}");
    }

    // The rule under the trích yếu (1/3 to 1/2 of its line, Nghị định 30/2020/NĐ-CP, Phụ lục I).
    private const double TrichYeuRuleCm = 3.5;

    // The header of the papers the steering committee issues itself (lists, honour list, phase reports): the commune's
    // people's committee above the steering committee, named in full as Nghị định 30/2020/NĐ-CP asks, no number. Three
    // lines: "BAN CHỈ ĐẠO XÂY DỰNG" is wider than the issuer's column at 13 pt and would break after "XÂY".
    internal static void CommitteeHeader(DocxWriter w, string commune, DateOnly date) =>
        Header(w, [new TextRun($"UBND XÃ {Upper(commune)}"), new TextRun("BAN CHỈ ĐẠO\nXÂY DỰNG XÃ HỘI\nHỌC TẬP", Bold: true)],
            null, DateLine(commune, date));

    // Issuing body left (with its rule) and the national motto right; the number and the place and date below. The
    // right column is sized so the Quốc hiệu (9,5 cm at 13 pt bold) stays on one line; the left takes what is left.
    internal static void Header(DocxWriter w, TextRun[] issuer, string? number, string dateLine)
    {
        var l = w.Layout;
        var padding = 2 * DocxWriter.CellPaddingCm;
        var small = l.HeaderFontSizePt;
        var nationCm = TextWidth.Cm(Nation, l.FontName, small, bold: true);
        var right = Math.Max(w.TextWidthCm - l.IssuerColumnCm, nationCm + padding + 0.3);
        var left = w.TextWidthCm - right;
        var issuerBlock = issuer.Select(r => (OpenXmlElement)w.Line(Center, r with { SizePt = small }))
            .Append(DocxWriter.Rule(left - padding, Math.Min(2.5, (left - padding) / 2))).ToArray();
        OpenXmlElement[] nation =
        [
            w.Line(Center, new TextRun(Nation, Bold: true, SizePt: small)),
            w.Line(Center, new TextRun(Motto, Bold: true, SizePt: l.FontSizePt)),
            DocxWriter.Rule(right - padding, TextWidth.Cm(Motto, l.FontName, l.FontSizePt, bold: true)),
        ];
        OpenXmlElement[] numberCell = number is null ? [] : [w.Line(Center, new TextRun(number, SizePt: small))];
        w.Add(DocxWriter.LayoutTable([left, right],
            [issuerBlock, nation],
            [numberCell, [w.Line(Center, new TextRun(dateLine, Italic: true, SizePt: l.FontSizePt))]]));
    }

    // The document's kind ("QUYẾT ĐỊNH", "BÁO CÁO") and its trích yếu, bold and centred below the header, then the rule.
    internal static void KindAndSummary(DocxWriter w, string kind, string summary)
    {
        w.Add(w.Para(Center));
        w.Add(w.Line(Center, new TextRun(kind, Bold: true)));
        w.Add(w.Line(Center, new TextRun(summary, Bold: true)));
        w.Add(DocxWriter.Rule(w.TextWidthCm, TrichYeuRuleCm, afterTwips: 240, beforeTwips: 120));
    }

    internal static void Article(DocxWriter w, int number, string text) =>
        w.Add(w.Para(Both, true, new TextRun($"Điều {number}. ", Bold: true), new TextRun(text)));

    // "Nơi nhận:" left, the signer's position, space for the signature and seal, and the name right.
    internal static void Signature(DocxWriter w, IReadOnlyList<string> recipients, IReadOnlyList<string> position, string signer)
    {
        var size = w.Layout.RecipientsFontSizePt;
        var left = w.TextWidthCm * 0.45;
        var recipientLines = recipients.Select(r => (OpenXmlElement)w.Line(Left, new TextRun(r.StartsWith('-') ? r : $"- {r}", SizePt: size)));
        OpenXmlElement[] recipientBlock = [w.Line(Left, new TextRun("Nơi nhận:", Bold: true, Italic: true, SizePt: size + 1)), .. recipientLines];
        var signatureBlock = position.Select(p => (OpenXmlElement)w.Line(Center, new TextRun(p, Bold: true)))
            .Concat(Enumerable.Range(0, 4).Select(_ => (OpenXmlElement)w.Line(Center)))
            .Append(w.Line(Center, new TextRun(signer, Bold: true))).ToArray();
        w.Add(w.Para(Left));
        w.Add(DocxWriter.LayoutTable([left, w.TextWidthCm - left], [recipientBlock, signatureBlock]));
    }

    private static void Notes(DocxWriter w, IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
        {
            w.Add(w.Para(Both, true, new TextRun(note, Italic: true)));
        }
    }

    private static void SubjectTable(DocxWriter w, Title title, IReadOnlyList<ListedSubject> subjects)
    {
        var size = w.Layout.TableFontSizePt;
        var withVillage = subjects.Any(s => s.Village.Length > 0);
        var withRating = subjects.Any(s => s.Rating.Length > 0);
        // A list scored only by level has no points column; its rating is the level reached.
        var withPoints = subjects.Any(s => s.TotalTenths is not null);
        var fixedCm = 1.2 + (withPoints ? 2.2 : 0) + (withVillage ? 3.6 : 0) + (withRating ? 2.6 : 0);
        var columns = new List<double> { 1.2, w.TextWidthCm - fixedCm };
        var heading = new List<string> { "STT", DecisionDefaults.NameHeader(title) };
        if (withVillage)
        {
            columns.Add(3.6);
            heading.Add("Thôn");
        }
        if (withPoints)
        {
            columns.Add(2.2);
            heading.Add("Tổng điểm");
        }
        if (withRating)
        {
            columns.Add(2.6);
            heading.Add(withPoints ? "Xếp loại" : "Mức độ đạt");
        }

        OpenXmlElement[] Cell(string text, JustificationValues align, bool bold = false) => [w.Line(align, new TextRun(text, Bold: bold, SizePt: size))];
        var rows = new List<OpenXmlElement[][]> { heading.Select(h => Cell(h, Center, bold: true)).ToArray() };
        for (var i = 0; i < subjects.Count; i++)
        {
            var s = subjects[i];
            var cells = new List<OpenXmlElement[]> { Cell((i + 1).ToString(CultureInfo.InvariantCulture), Center), Cell(s.Name, Left) };
            if (withVillage)
            {
                cells.Add(Cell(s.Village, Left));
            }
            if (withPoints)
            {
                cells.Add(Cell(Points(s.TotalTenths), Center));
            }
            if (withRating)
            {
                cells.Add(Cell(s.Rating, Center));
            }
            rows.Add(cells.ToArray());
        }
        w.Add(DocxWriter.ListTable(columns.ToArray(), rows.ToArray()));
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VnTime.Culture) + text[1..];
}
