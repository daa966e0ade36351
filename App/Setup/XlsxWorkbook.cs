using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HocTapSuotDoi.Setup;

// The package around the report workbooks the app writes (the yearly report's figures, the settlement): the styles,
// then the sheets in the order given, each set up to print with its heading row repeated (XlsxPrint).
public static class XlsxWorkbook
{
    public static byte[] Write(Stylesheet styles, uint headerRow, IEnumerable<(string Name, Worksheet Sheet, bool Landscape)> sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles;
            var list = workbook.Workbook.AppendChild(new Sheets());
            var parts = new List<(WorksheetPart Part, string Name, bool Landscape)>();
            uint id = 1;
            foreach (var (name, sheet, landscape) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = sheet;
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
                parts.Add((part, name, landscape));
            }
            // After all sheets are listed: the print titles name each sheet by its position in the list.
            foreach (var (part, name, landscape) in parts)
            {
                XlsxPrint.Apply(workbook, part, name, headerRow, landscape);
            }
        }
        return stream.ToArray();
    }

    // One row of values: whole numbers and dates as numbers (a date as its serial day, shown by a date style), anything
    // else as inline text. `special` writes the values a workbook has its own cell for (the report's percentages).
    public static Row Row(uint index, object?[] cells, Func<object?, uint> style, Func<object?, Cell?>? special = null)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = special?.Invoke(cells[i]) ?? cells[i] switch
            {
                long n => new Cell { CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                int n => new Cell { CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                DateOnly d => new Cell { CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                var other => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(other?.ToString() ?? "")) },
            };
            cell.CellReference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
            cell.StyleIndex = style(cells[i]);
            row.Append(cell);
        }
        return row;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);
}
