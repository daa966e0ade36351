using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Dashboard;

// The yearly report in the Vietnamese administrative format (Nghị định 30/2020/NĐ-CP): A4, margins 2–2–3–1,5 cm,
// the body and the country's motto side by side, number and place/date line, sections, the signature block.
public static class ReportDocx
{
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
            body.Append(P(r.Fill(r.Layout.Subtitle), bold: true, align: JustificationValues.Center, after: 240));
            body.Append(P($"Kính gửi: {r.Fill(r.Layout.Recipient)}.", align: JustificationValues.Center, after: 240));
            body.Append(Para($"Thực hiện Kế hoạch triển khai phong trào \"Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030\" (Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ), Ban Chỉ đạo xây dựng xã hội học tập xã {r.CommuneName} báo cáo kết quả năm {r.Year} như sau:"));

            body.Append(Section("I. KẾT QUẢ THỰC HIỆN CÁC DANH HIỆU"));
            body.Append(Para("1. Tổng hợp theo danh hiệu (tỷ lệ tính trên tổng số đối tượng và trên số đã đăng ký):"));
            body.Append(Table(r, ReportTables.TitleHeader, ReportTables.TitleRows(r.Figures)));
            body.Append(Para(ReportTables.CitizenTotalNote(r.Year)));
            body.Append(Para($"2. Thống kê theo thôn (hộ đang cư trú; người từ {Scoring.CitizenAge.Minimum} tuổi trở lên đang sinh sống):"));
            body.Append(Table(r, ReportTables.VillageHeader, ReportTables.VillageRows(r.Figures)));
            body.Append(Para("3. Công dân học tập theo nhóm đối tượng:"));
            body.Append(Table(r, ReportTables.GroupHeader, ReportTables.GroupRows(r.Figures)));

            body.Append(Section("II. SO SÁNH VỚI CHỈ TIÊU VÀ VỚI NĂM TRƯỚC"));
            body.Append(Table(r, ReportTables.ComparisonHeader(r.Year), ReportTables.ComparisonRows(r.Figures, r.PreviousYear)));
            foreach (var t in r.Figures.Titles.Where(t => t.Status is TargetStatus.Near or TargetStatus.NotMet))
            {
                body.Append(Para($"- {t.Title.DisplayName()}: {Figures.StatusText(t.Status).ToLower(Figures.Vi)} chỉ tiêu, {t.GapText}."));
            }

            body.Append(Section("III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ, THÔN"));
            if (r.Compliance.HasData)
            {
                body.Append(Table(r, ReportTables.ComplianceHeader, ReportTables.ComplianceRows(r.Compliance)));
            }
            else
            {
                body.Append(Para(ReportCompliance.NoDataText));
            }

            body.Append(Section("IV. ĐỀ NGHỊ KHEN THƯỞNG"));
            AppendText(body, r.Awards);
            body.Append(Section("V. KHÓ KHĂN, VƯỚNG MẮC"));
            AppendText(body, r.Difficulties);
            body.Append(Section("VI. ĐỀ XUẤT, KIẾN NGHỊ"));
            AppendText(body, r.Proposals);
            body.Append(Para($"Trên đây là báo cáo kết quả thực hiện phong trào xây dựng xã hội học tập năm {r.Year} của Ban Chỉ đạo xây dựng xã hội học tập xã {r.CommuneName}."));

            body.Append(Signature(r));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 720U, Footer = 720U, Gutter = 0U }));
        }
        return stream.ToArray();
    }

    private static string HalfPoints(int pt) => (pt * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Table Heading(YearlyReportData r)
    {
        var left = new[]
        {
            P(r.Fill(r.Layout.ParentBody), align: JustificationValues.Center, after: 0),
            P(r.Fill(r.Layout.IssuingBody), bold: true, align: JustificationValues.Center, after: 120),
            P(r.NumberLine, align: JustificationValues.Center, after: 0),
        };
        var right = new[]
        {
            P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, align: JustificationValues.Center, after: 0),
            P("Độc lập - Tự do - Hạnh phúc", bold: true, align: JustificationValues.Center, after: 120),
            P(r.PlaceDateLine, italic: true, align: JustificationValues.Center, after: 0),
        };
        return LayoutTable([(3900, left), (5500, right)]);
    }

    private static Table Signature(YearlyReportData r)
    {
        var left = new List<Paragraph> { P("Nơi nhận:", bold: true, italic: true, after: 0, size: 12) };
        left.AddRange(r.Layout.Distribution.Select(d => P("- " + r.Fill(d), after: 0, size: 11)));
        var right = new[]
        {
            P(r.Layout.SignerOnBehalf, bold: true, align: JustificationValues.Center, after: 0),
            P(r.Layout.SignerRole, bold: true, align: JustificationValues.Center, after: 1200),
            P(r.Layout.SignerName, bold: true, align: JustificationValues.Center, after: 0),
        };
        return LayoutTable([(4400, left.ToArray()), (5000, right)]);
    }

    // A borderless table that places blocks side by side, as the heading and the signature need.
    private static Table LayoutTable((int Width, Paragraph[] Content)[] columns)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = columns.Sum(c => c.Width).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(columns.Select(c => new GridColumn { Width = c.Width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var row = new TableRow();
        foreach (var (width, content) in columns)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(content);
            row.Append(cell);
        }
        table.Append(row);
        return table;
    }

    private static Table Table(YearlyReportData r, IReadOnlyList<string> header, IEnumerable<object[]> rows)
    {
        var size = r.Layout.TableFontSizePt;
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border(), new TableLayout { Type = TableLayoutValues.Autofit }));
        var width = 9350 / header.Count;
        table.Append(new TableGrid(header.Select(_ => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header, bold: true, size, headerRow: true));
        foreach (var row in rows)
        {
            table.Append(Row(row.Select(ReportTables.Format).ToList(), bold: row.Length > 0 && Equals(row[0], "Cộng"), size, headerRow: false));
        }
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold, int size, bool headerRow)
    {
        var row = new TableRow();
        if (headerRow)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        for (var i = 0; i < cells.Count; i++)
        {
            var align = headerRow ? JustificationValues.Center : i == 0 ? JustificationValues.Left : JustificationValues.Right;
            row.Append(new TableCell(new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                P(cells[i], bold: bold, align: align, after: 0, size: size)));
        }
        return row;
    }

    private static Paragraph Section(string text) => P(text, bold: true, before: 180, after: 60);

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
        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
