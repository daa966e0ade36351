using DocumentFormat.OpenXml.Spreadsheet;

namespace HocTapSuotDoi.Features.Dashboard;

// The report's statistics as a workbook: one sheet per table, numbers as numbers (percentages as 72.5, rounded to two
// decimals as VnPercent shows them, in a column whose heading says "%"), so the level above can add them up.
public static class ReportXlsx
{
    private const uint Normal = 0, Title = 1, Percent = 2, Integer = 3, Date = 4, Heading = 5, Text = 6, BoldText = 7, BoldInteger = 8, BoldPercent = 9;
    private const uint HeaderRow = 3;

    public static byte[] Write(YearlyReportData r)
    {
        var sheets = new List<(string Name, string Title, IReadOnlyList<string> Header, IEnumerable<object[]> Rows, IEnumerable<string> Notes)>
        {
            ("Tổng hợp", $"Kết quả các danh hiệu năm {r.Year} – xã {r.CommuneName}", ReportTables.TitleHeader, ReportTables.TitleRows(r.Figures), []),
            ("Theo thôn", $"Thống kê theo thôn năm {r.Year}", ReportTables.VillageHeader, ReportTables.VillageRows(r.Figures), Lines(ReportTables.VillageNote(r.Figures))),
            ("Nhóm đối tượng", $"Công dân học tập theo nhóm đối tượng năm {r.Year}", ReportTables.GroupHeader, ReportTables.GroupRows(r.Figures), Lines(ReportTables.GroupNote(r.Figures))),
            ("So sánh", $"So sánh với chỉ tiêu và với năm {r.Year - 1}", ReportTables.ComparisonHeader(r.Year), ReportTables.ComparisonRows(r.Figures, r.PreviousYear),
                ReportTables.VerdictNotes(r.Figures).Concat(ReportTables.EnteredNotes(r.Figures, r.PreviousYear))),
        };
        if (r.Compliance.HasData)
        {
            sheets.Add(("Báo cáo đơn vị", $"Tình hình báo cáo của các đơn vị năm {r.Year}", ReportTables.ComplianceHeader, ReportTables.ComplianceRows(r.Compliance), []));
        }

        return Setup.XlsxWorkbook.Write(Stylesheet(), HeaderRow,
            sheets.Select(s => (s.Name, Sheet(s.Title, s.Header, s.Rows.ToList(), r.Date, s.Notes.ToList()), s.Header.Count > 7)));
    }

    private static IEnumerable<string> Lines(string? note) => note is null ? [] : [note];

    // The notes the .docx prints under a table follow it here too, one a row after a blank one.
    private static Worksheet Sheet(string title, IReadOnlyList<string> header, List<object[]> rows, DateOnly date, List<string> notes)
    {
        var data = new SheetData();
        data.Append(Row(1, [title], _ => Title));
        data.Append(Row(2, [$"Số liệu ngày {VnTime.FormatDate(date)}; tỷ lệ tính bằng %."], _ => Normal));
        var columns = Columns(header, rows);
        var widths = columns.Elements<Column>().Select(c => c.Width!.Value).ToList();
        var heading = Row(HeaderRow, header.Cast<object>().ToArray(), _ => Heading);
        // Wrapped headings and texts: the row is as tall as its most wrapped cell (LibreOffice does not measure it).
        heading.Height = 15 * header.Select((h, c) => WrappedLines(h, widths[c], 1.15)).Max();
        heading.CustomHeight = true;
        data.Append(heading);
        var rowIndex = HeaderRow + 1;
        foreach (var row in rows)
        {
            var total = Equals(row.FirstOrDefault(), "Cộng");
            var line = Row(rowIndex++, row, cell => StyleOf(cell, total));
            var lines = row.Select((cell, c) => cell is string text ? WrappedLines(text, widths[c], 1.0) : 1).DefaultIfEmpty(1).Max();
            if (lines > 1)
            {
                line.Height = 15 * lines;
                line.CustomHeight = true;
            }
            data.Append(line);
        }
        rowIndex++;
        foreach (var note in notes)
        {
            data.Append(Row(rowIndex++, [note], _ => Normal));
        }
        return new Worksheet(columns, data);
    }

    private static uint StyleOf(object? cell, bool total) => cell switch
    {
        int => total ? BoldInteger : Integer,
        Pct { Value: not null } => total ? BoldPercent : Percent,
        DateOnly => Date,
        _ => total ? BoldText : Text,
    };

    // Each column as wide as its longest figure or text and its longest heading word (the heading wraps), within limits.
    private static Columns Columns(IReadOnlyList<string> header, List<object[]> rows)
    {
        var columns = new Columns();
        for (var c = 0; c < header.Count; c++)
        {
            var longestWord = header[c].Split(' ').Max(w => w.Length);
            var longestValue = rows.Select(row => c < row.Length ? ReportTables.Format(row[c]).Length : 0).DefaultIfEmpty(0).Max();
            var width = Math.Clamp(Math.Max(longestWord * 1.2, longestValue) + 3, c == 0 ? 20 : 10, c == 0 ? 50 : 24);
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Round(width, 1), CustomWidth = true });
        }
        return columns;
    }

    // Greedy word wrap at about one character per width unit (bold Times is a little wider: charWidth 1.15).
    private static int WrappedLines(string text, double width, double charWidth)
    {
        var lines = 1;
        var used = 0.0;
        foreach (var word in text.Split(' '))
        {
            var length = word.Length * charWidth;
            if (used > 0 && used + 1 + length > width - 1)
            {
                lines++;
                used = length;
            }
            else
            {
                used += (used > 0 ? 1 : 0) + length;
            }
        }
        return lines;
    }

    private static Row Row(uint index, object?[] cells, Func<object?, uint> style) => Setup.XlsxWorkbook.Row(index, cells, style, PercentCell);

    // A percentage as its rounded number (72.5, as VnPercent shows it), or a dash where there is nothing to divide by.
    private static Cell? PercentCell(object? value) => value switch
    {
        Pct { Value: { } v } => new Cell { CellValue = new CellValue(VnPercent.Round(v).ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
        Pct => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("—")) },
        _ => null,
    };

    // Number formats carry the Vietnamese locale ([$-42A]): "1.234" and "53,33" in LibreOffice and in Excel set to vi-VN.
    private static Stylesheet Stylesheet()
    {
        static Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })
            : new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" });
        // A table's cells are centred vertically; headings are centred across too, texts wrap at the left.
        static CellFormat Format(uint numberFormat, uint font, uint border, bool wrap = false, bool center = true) => new()
        {
            NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = border, ApplyNumberFormat = numberFormat != 0, ApplyFont = true,
            ApplyBorder = border != 0, ApplyAlignment = border != 0,
            Alignment = border == 0 ? null : new Alignment
            {
                WrapText = wrap, Horizontal = wrap ? (center ? HorizontalAlignmentValues.Center : HorizontalAlignmentValues.Left) : null,
                Vertical = VerticalAlignmentValues.Center,
            },
        };
        var thin = new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "[$-42A]0.00" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-42A]#,##0" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "[$-42A]dd/mm/yyyy" }) { Count = 3 },
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellFormats(
                Format(0, 0, 0), Format(0, 1, 0), Format(164, 0, 1), Format(165, 0, 1), Format(166, 0, 1), Format(0, 1, 1, wrap: true),
                Format(0, 0, 1, wrap: true, center: false), Format(0, 1, 1, wrap: true, center: false), Format(165, 1, 1), Format(164, 1, 1)) { Count = 10 });
    }
}
