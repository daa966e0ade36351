using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HocTapSuotDoi.Features.Dashboard;

// The report's statistics as a workbook: one sheet per table, numbers as numbers (percentages as 72.5, rounded to two
// decimals as VnPercent shows them, in a column whose heading says "%"), so the level above can add them up.
public static class ReportXlsx
{
    public static byte[] Write(YearlyReportData r)
    {
        var sheets = new List<(string Name, string Title, IReadOnlyList<string> Header, IEnumerable<object[]> Rows)>
        {
            ("Tong hop", $"Kết quả các danh hiệu năm {r.Year} – xã {r.CommuneName}", ReportTables.TitleHeader, ReportTables.TitleRows(r.Figures)),
            ("Theo thon", $"Thống kê theo thôn năm {r.Year}", ReportTables.VillageHeader, ReportTables.VillageRows(r.Figures)),
            ("Nhom doi tuong", $"Công dân học tập theo nhóm đối tượng năm {r.Year}", ReportTables.GroupHeader, ReportTables.GroupRows(r.Figures)),
            ("So sanh", $"So sánh với chỉ tiêu và với năm {r.Year - 1}", ReportTables.ComparisonHeader(r.Year), ReportTables.ComparisonRows(r.Figures, r.PreviousYear)),
        };
        if (r.Compliance.HasData)
        {
            sheets.Add(("Bao cao don vi", $"Tình hình báo cáo của các đơn vị năm {r.Year}", ReportTables.ComplianceHeader, ReportTables.ComplianceRows(r.Compliance)));
        }

        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, title, header, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint rowIndex = 1;
                data.Append(Row(rowIndex++, [title], bold: true));
                data.Append(Row(rowIndex++, [$"Số liệu ngày {Setup.VnTime.FormatDate(r.Date)}; tỷ lệ tính bằng %."], bold: false));
                data.Append(Row(rowIndex++, header.Cast<object>().ToArray(), bold: true));
                foreach (var row in rows)
                {
                    data.Append(Row(rowIndex++, row, bold: Equals(row.FirstOrDefault(), "Cộng")));
                }
                var columns = new Columns(new Column { Min = 1, Max = 1, Width = 40, CustomWidth = true },
                    new Column { Min = 2, Max = (uint)header.Count, Width = 16, CustomWidth = true });
                part.Worksheet = new Worksheet(columns, data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, object?[] cells, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            var reference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
            var cell = cells[i] switch
            {
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                Pct { Value: { } v } => new Cell { CellReference = reference, CellValue = new CellValue(Setup.VnPercent.Round(v).ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = 2 },
                Pct => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text("—")) },
                var other => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(other?.ToString() ?? "")) },
            };
            if (bold)
            {
                cell.StyleIndex = 1;
            }
            row.Append(cell);
        }
        return row;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    // 0: normal; 1: bold; 2: two decimals (percentages).
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.00" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true }) { Count = 3 });
}
