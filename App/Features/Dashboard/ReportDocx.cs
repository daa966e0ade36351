using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HocTapSuotDoi.Features.Dashboard;

// The yearly report in the Vietnamese administrative format (Nghị định 30/2020/NĐ-CP): A4, margins 2–2–3–1,5 cm,
// the body and the country's motto side by side, number and place/date line, sections, the signature block.
public static class ReportDocx
{
    // Page geometry (twips): A4, margins 2 cm top and bottom, 3 cm left, 1,5 cm right; the text is 16,5 cm wide upright
    // and 25,2 cm wide in the landscape sections that hold the wide tables.
    private const int PageShort = 11906, PageLong = 16838, MarginLeft = 1701, MarginRight = 850, MarginY = 1134;
    private const double PortraitTextCm = (PageShort - MarginLeft - MarginRight) / 566.93;
    private const double LandscapeTextCm = (PageLong - MarginLeft - MarginRight) / 566.93;
    private const double CellPaddingCm = 0.19;

    public static byte[] Write(YearlyReportData r)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = r.Layout.FontName, HighAnsi = r.Layout.FontName, ComplexScript = r.Layout.FontName, EastAsia = r.Layout.FontName },
                    new FontSize { Val = HalfPoints(r.Layout.FontSizePt) }, new FontSizeComplexScript { Val = HalfPoints(r.Layout.FontSizePt) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Heading(r));
            body.Append(P(r.Fill(r.Layout.Title), bold: true, align: JustificationValues.Center, before: 240));
            body.Append(P(r.Fill(r.Layout.Subtitle), bold: true, align: JustificationValues.Center, after: 0));
            body.Append(Decisions.DocxWriter.Rule(PortraitTextCm, 3.5, afterTwips: 240));
            body.Append(P($"Kính gửi: {r.Fill(r.Layout.Recipient)}.", align: JustificationValues.Center, after: 240));
            body.Append(Para($"Thực hiện Kế hoạch triển khai phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030” (Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ), Ban Chỉ đạo xây dựng xã hội học tập xã {r.CommuneName} báo cáo kết quả năm {r.Year} như sau:"));
            if (Phases.Phase.ForYear(r.Year) is { } phase)
            {
                body.Append(Para($"Năm {r.Year} là {phase.YearText(r.Year)}{(phase.IsReviewYear(r.Year) ? $"; {phase.ReviewName.ToLower(Figures.Vi)} có báo cáo riêng" : "")}."));
            }

            body.Append(Section("I. KẾT QUẢ THỰC HIỆN CÁC DANH HIỆU"));
            TableBlock(body, r, "1. Tổng hợp theo danh hiệu (tỷ lệ tính trên tổng số đối tượng và trên số đã đăng ký):",
                ReportTables.TitleHeader, ReportTables.TitleRows(r.Figures), ReportTables.CitizenTotalNote(r.Year));
            TableBlock(body, r, $"2. Thống kê theo thôn (hộ đang cư trú; người từ {Scoring.CitizenAge.Minimum} tuổi trở lên đang sinh sống):",
                ReportTables.VillageHeader, ReportTables.VillageRows(r.Figures), ReportTables.VillageNote(r.Figures));
            TableBlock(body, r, "3. Công dân học tập theo nhóm đối tượng:", ReportTables.GroupHeader, ReportTables.GroupRows(r.Figures), ReportTables.GroupNote(r.Figures));

            // The heading and the notes go with the table, on its landscape page when it needs one.
            TableBlock(body, r, null, ReportTables.ComparisonHeader(r.Year), ReportTables.ComparisonRows(r.Figures, r.PreviousYear),
                section: "II. SO SÁNH VỚI CHỈ TIÊU VÀ VỚI NĂM TRƯỚC",
                after: ReportTables.VerdictNotes(r.Figures).Concat(ReportTables.EnteredNotes(r.Figures, r.PreviousYear)));

            body.Append(Section("III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ, THÔN"));
            if (r.Compliance.HasData)
            {
                TableBlock(body, r, null, ReportTables.ComplianceHeader, ReportTables.ComplianceRows(r.Compliance));
            }
            else
            {
                body.Append(Para(r.Compliance.NoDataNote));
            }

            body.Append(Section("IV. ĐỀ NGHỊ KHEN THƯỞNG"));
            AppendText(body, r.Awards);
            body.Append(Section("V. KHÓ KHĂN, VƯỚNG MẮC"));
            AppendText(body, r.Difficulties);
            body.Append(Section("VI. ĐỀ XUẤT, KIẾN NGHỊ"));
            AppendText(body, r.Proposals);
            body.Append(Para($"Trên đây là báo cáo kết quả thực hiện phong trào xây dựng xã hội học tập năm {r.Year} của Ban Chỉ đạo xây dựng xã hội học tập xã {r.CommuneName}./."));

            body.Append(Signature(r));
            body.Append(Page(landscape: false));
        }
        return stream.ToArray();
    }

    private static string HalfPoints(int pt) => (pt * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static SectionProperties Page(bool landscape) => new(
        new SectionType { Val = SectionMarkValues.NextPage },
        landscape
            ? new PageSize { Width = (uint)PageLong, Height = (uint)PageShort, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = (uint)PageShort, Height = (uint)PageLong },
        new PageMargin { Top = MarginY, Bottom = MarginY, Left = (uint)MarginLeft, Right = (uint)MarginRight, Header = 720U, Footer = 720U, Gutter = 0U });

    // A table with its lead-in and note. A table too wide for the upright page (every column at least as wide as its
    // longest word or figure) gets a landscape section of its own, so headings never break inside a word.
    private static void TableBlock(Body body, YearlyReportData r, string? lead, IReadOnlyList<string> header, IEnumerable<object[]> rows, string? note = null,
        string? section = null, IEnumerable<string>? after = null)
    {
        var cells = rows.Select(row => row.Select(ReportTables.Format).ToList()).ToList();
        var minimum = MinimumWidths(r, header, cells);
        var landscape = minimum.Sum() > PortraitTextCm;
        if (landscape)
        {
            body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, Page(landscape: false))));
        }
        if (section is not null)
        {
            body.Append(Section(section));
        }
        if (lead is not null)
        {
            var leadParagraph = Para(lead);
            leadParagraph.ParagraphProperties!.KeepNext = new KeepNext();
            body.Append(leadParagraph);
        }
        // As wide as the heading on one line, or the longest cell on one line where that is wider (a text that may wrap).
        var natural = header.Select((h, c) => new[] { h }.Concat(cells.Where(row => c < row.Count).Select(row => row[c]))
            .Max(text => Decisions.TextWidth.Cm(NoBreak(text), r.Layout.FontName, r.Layout.TableFontSizePt, bold: true)) + 2 * CellPaddingCm + 0.05)
            .Select((width, c) => Math.Max(minimum[c], width)).ToArray();
        body.Append(Table(r, header, cells, Widths(minimum, natural, landscape ? LandscapeTextCm : PortraitTextCm)));
        if (note is not null)
        {
            body.Append(Para(note));
        }
        foreach (var line in after ?? [])
        {
            body.Append(Para(line));
        }
        if (landscape)
        {
            body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, Page(landscape: true))));
        }
    }

    // The narrowest each column may be: its longest heading word (bold) or its longest cell, plus the cell padding.
    private static double[] MinimumWidths(YearlyReportData r, IReadOnlyList<string> header, List<List<string>> cells)
    {
        var size = r.Layout.TableFontSizePt;
        return header.Select((h, c) =>
        {
            var words = NoBreak(h).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Decisions.TextWidth.Cm(w, r.Layout.FontName, size, bold: true));
            var values = cells.Where(row => c < row.Count).Select(row => Decisions.TextWidth.Cm(NoBreak(row[c]), r.Layout.FontName, size, bold: true));
            // A text wider than 4 cm (a name, a target with its year and level) may wrap between words; figures and
            // the short words of a verdict, narrower, never wrap.
            var widest = Math.Max(words.DefaultIfEmpty(1).Max(), Math.Min(values.DefaultIfEmpty(1).Max(), 4.0));
            return Math.Max(widest + 2 * CellPaddingCm + 0.05, 1.2);
        }).ToArray();
    }

    // Figures' columns first grow up to the width of their heading on one line (fewer wrapped heading lines), the names'
    // column (at least 3,5 cm) takes what is left.
    private static double[] Widths(double[] minimum, double[] natural, double textCm)
    {
        var widths = (double[])minimum.Clone();
        widths[0] = Math.Max(minimum[0], 3.5);
        for (var round = 0; round < 20; round++)
        {
            var spare = textCm - widths.Sum();
            var growing = Enumerable.Range(1, widths.Length - 1).Where(i => widths[i] < natural[i] - 0.01).ToList();
            if (spare <= 0.01 || growing.Count == 0)
            {
                break;
            }
            foreach (var i in growing)
            {
                widths[i] = Math.Min(natural[i], widths[i] + spare / growing.Count);
            }
        }
        widths[0] += Math.Max(0, textCm - widths.Sum());
        return widths;
    }

    // A heading too long for its column is broken where the two lines come out most even, but never inside a compound
    // word ("XÃ HỘI", "HỌC TẬP") nor between "XÃ" and the commune's name: "BAN CHỈ ĐẠO XÂY DỰNG" / "XÃ HỘI HỌC TẬP XÃ
    // CẨM TÂN". The space stays before the break, so the text reads the same.
    private static readonly HashSet<string> Compounds = ["ỦY BAN", "BAN CHỈ", "CHỈ ĐẠO", "XÂY DỰNG", "XÃ HỘI", "HỌC TẬP", "NHÂN DÂN", "KHUYẾN HỌC"];
    private static readonly HashSet<string> PlaceWords = ["XÃ", "THÔN", "PHƯỜNG", "HUYỆN", "TỈNH", "THỊ"];

    private static string TwoLines(string text, string font, int sizePt, double widthCm)
    {
        if (text.Contains('\n') || Decisions.TextWidth.Cm(text, font, sizePt, bold: true) <= widthCm)
        {
            return text;
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var upper = words.Select(w => w.ToUpper(Figures.Vi)).ToArray();
        var candidates = Enumerable.Range(1, words.Length - 1)
            .Where(i => !Compounds.Contains($"{upper[i - 1]} {upper[i]}") && !PlaceWords.Contains(upper[i - 1]))
            .Select(i => (Index: i, Widest: Math.Max(
                Decisions.TextWidth.Cm(string.Join(' ', words[..i]), font, sizePt, bold: true),
                Decisions.TextWidth.Cm(string.Join(' ', words[i..]), font, sizePt, bold: true))))
            .Where(x => x.Widest <= widthCm)
            .ToList();
        if (candidates.Count == 0)
        {
            return text;
        }
        var best = candidates.MinBy(x => x.Widest);
        return string.Join(' ', words[..best.Index]) + " \n" + string.Join(' ', words[best.Index..]);
    }

    // The issuing body in 12 pt (Nghị định 30: 12–13 pt), so "XÃ HỘI HỌC TẬP XÃ …" keeps to one line of the left column.
    private const int IssuerSizePt = 12;

    private static Table Heading(YearlyReportData r)
    {
        // The right column holds the Quốc hiệu on one line; the issuing body takes the rest of the width.
        var nationCm = Decisions.TextWidth.Cm(Decisions.DocumentTexts.Nation, r.Layout.FontName, r.Layout.FontSizePt, bold: true);
        // The header may reach 0,5 cm into each margin (centred), so the issuing body keeps to two lines.
        var right = Math.Max(9.8, nationCm + 2 * Decisions.DocxWriter.CellPaddingCm + 0.2);
        var left = PortraitTextCm + 1.0 - right;
        var inner = 2 * Decisions.DocxWriter.CellPaddingCm;
        OpenXmlElement[] issuer =
        [
            P(r.Fill(r.Layout.ParentBody), align: JustificationValues.Center, after: 0, size: IssuerSizePt),
            P(TwoLines(r.Fill(r.Layout.IssuingBody), r.Layout.FontName, IssuerSizePt, left - inner), bold: true, align: JustificationValues.Center, after: 0, size: IssuerSizePt),
            Decisions.DocxWriter.Rule(left - inner, Math.Min(2.5, (left - inner) / 2), afterTwips: 120),
            P(r.NumberLine, align: JustificationValues.Center, after: 0),
        ];
        OpenXmlElement[] nation =
        [
            P(Decisions.DocumentTexts.Nation, bold: true, align: JustificationValues.Center, after: 0),
            P(Decisions.DocumentTexts.Motto, bold: true, align: JustificationValues.Center, after: 0),
            Decisions.DocxWriter.Rule(right - inner, Decisions.TextWidth.Cm(Decisions.DocumentTexts.Motto, r.Layout.FontName, r.Layout.FontSizePt, bold: true), afterTwips: 120),
            P(r.PlaceDateLine, italic: true, align: JustificationValues.Center, after: 0),
        ];
        return Decisions.DocxWriter.LayoutTable([left, right], [issuer, nation]);
    }

    private static Table Signature(YearlyReportData r)
    {
        var left = new List<OpenXmlElement> { P("Nơi nhận:", bold: true, italic: true, after: 0, size: 12) };
        left.AddRange(r.Layout.Distribution.Select(d => P("- " + r.Fill(d), after: 0, size: 11)));
        var right = new List<OpenXmlElement>();
        right.AddRange(Decisions.DocumentTexts.PositionLines(r.SignerPosition).Select(l => P(l, bold: true, align: JustificationValues.Center, after: 0)));
        right.Add(P("", after: 1200));
        right.Add(P(r.SignerName, bold: true, align: JustificationValues.Center, after: 0));
        var signatureCm = 8.8;
        return Decisions.DocxWriter.LayoutTable([PortraitTextCm - signatureCm, signatureCm], [left.ToArray(), right.ToArray()]);
    }

    private static Table Table(YearlyReportData r, IReadOnlyList<string> header, List<List<string>> rows, double[] widthsCm)
    {
        var size = r.Layout.TableFontSizePt;
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var twips = widthsCm.Select(Decisions.DocxWriter.Twips).ToArray();
        var table = new Table(new TableProperties(
            new TableWidth { Width = twips.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center }, border(), new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header, twips, bold: true, size, headerRow: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, twips, bold: row.Count > 0 && row[0] == "Cộng", size, headerRow: false));
        }
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] twips, bool bold, int size, bool headerRow)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        if (headerRow)
        {
            row.TableRowProperties!.Append(new TableHeader());
        }
        for (var i = 0; i < cells.Count; i++)
        {
            var align = headerRow ? JustificationValues.Center : i == 0 ? JustificationValues.Left : JustificationValues.Right;
            row.Append(new TableCell(new TableCellProperties(
                    new TableCellWidth { Width = twips[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                P(cells[i], bold: bold, align: align, after: 0, size: size)));
        }
        return row;
    }

    // "40,9 %" and "1.234 hộ" stay on one line: the space before % is non-breaking.
    private static string NoBreak(string text) => text.Replace(" %", "\u00A0%", StringComparison.Ordinal);

    // A section heading never ends a page: it keeps with what follows.
    private static Paragraph Section(string text)
    {
        var heading = P(text, bold: true, before: 180, after: 60);
        heading.ParagraphProperties!.KeepNext = new KeepNext();
        return heading;
    }

    private static Paragraph Para(string text) => P(text, align: JustificationValues.Both, firstLine: true);

    private static void AppendText(Body body, string text)
    {
        var lines = text.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.DefaultIfEmpty("(Chưa có nội dung.)"))
        {
            body.Append(Para(line));
        }
    }

    private static Paragraph P(string text, bool bold = false, bool italic = false, JustificationValues? align = null, int before = 0, int after = 60, int? size = null, bool firstLine = false)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines
        {
            Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = after.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (firstLine)
        {
            props.Append(new Indentation { FirstLine = "567" });
        }
        props.Append(new Justification { Val = align ?? JustificationValues.Left });
        var runProps = new RunProperties();
        if (bold)
        {
            runProps.Append(new Bold());
        }
        if (italic)
        {
            runProps.Append(new Italic());
        }
        if (size is { } pt)
        {
            runProps.Append(new FontSize { Val = HalfPoints(pt) }, new FontSizeComplexScript { Val = HalfPoints(pt) });
        }
        var run = new Run(runProps);
        var lines = NoBreak(Decisions.DocumentTexts.CurlyQuotes(text)).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(props, run);
    }
}
