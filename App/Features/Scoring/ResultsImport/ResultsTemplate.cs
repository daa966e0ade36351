using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

/// <summary>One row of the template. A value is a score (decimal), "Đạt"/"Chưa đạt", a computed item's text, or null.</summary>
public sealed record TemplateRow(string Code, string Subject, string Village, object?[] Values, string Note);

// Writes the template with OpenXml's forward-only writer: 30.000 rows of 17 columns stay a few MB of memory, where a
// DOM (or MiniExcel's auto width) holds every cell. The header row is frozen and wrapped; the columns a scorer fills are
// the only unlocked cells of a protected sheet (no password: protection only keeps the subject and computed columns
// from being typed over by mistake); computed items are grey.
public static class ResultsTemplate
{
    private const uint Plain = 0, Header = 1, Computed = 2, Editable = 3, HeaderComputed = 4;

    public static byte[] Write(ResultsColumns columns, IEnumerable<TemplateRow> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, HorizontalSplit = 2, TopLeftCell = "C2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomRight, ActiveCell = "D2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "D2" } })
                { WorkbookViewId = 0U }));
                writer.WriteElement(Widths(columns));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, columns.Headers.Select((h, i) => Text(h, IsComputed(columns, i) ? HeaderComputed : Header)), height: 96);
                var number = 1;
                foreach (var row in rows)
                {
                    number++;
                    WriteRow(writer, number, CellsOf(columns, row));
                }
                writer.WriteEndElement();
                writer.WriteElement(new SheetProtection
                {
                    Sheet = true, FormatColumns = false, FormatRows = false, Sort = false, AutoFilter = false, SelectLockedCells = false, SelectUnlockedCells = false,
                });
                writer.WriteEndElement();
            }
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Kết quả chấm", SheetId = 1U, Id = workbook.GetIdOfPart(sheet) }));
        }
        return stream.ToArray();
    }

    private static bool IsComputed(ResultsColumns columns, int index) =>
        index >= ResultsColumns.FirstItem && index < columns.NoteColumn && columns.Items[index - ResultsColumns.FirstItem].Kind == ItemKind.Computed;

    private static IEnumerable<Cell> CellsOf(ResultsColumns columns, TemplateRow row)
    {
        yield return Text(row.Code, Plain);
        yield return Text(row.Subject, Plain);
        yield return Text(row.Village, Plain);
        for (var i = 0; i < columns.Items.Count; i++)
        {
            var style = columns.Items[i].Kind == ItemKind.Computed ? Computed : Editable;
            yield return row.Values[i] switch
            {
                decimal score => new Cell { DataType = CellValues.Number, CellValue = new CellValue(score.ToString(CultureInfo.InvariantCulture)), StyleIndex = style },
                string text => Text(text, style),
                _ => new Cell { StyleIndex = style },
            };
        }
        yield return Text(row.Note, Editable);
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IEnumerable<Cell> cells, double? height = null)
    {
        var row = new Row { RowIndex = (uint)number };
        if (height is { } h)
        {
            (row.Height, row.CustomHeight) = (h, true);
        }
        writer.WriteStartElement(row);
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + number.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell Text(string text, uint style) => text.Length == 0
        ? new Cell { StyleIndex = style }
        : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Columns Widths(ResultsColumns columns)
    {
        var widths = columns.Headers.Select((_, i) => i switch
        {
            0 => 13d,
            1 => 36d,
            2 => 18d,
            _ when i == columns.NoteColumn => 36d,
            _ when IsComputed(columns, i) => 20d,
            _ => 15d,
        });
        return new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + (i - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }), new Font(new Italic(), new FontSize { Val = 11 })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE0E0E0" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 3, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { FontId = 2, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat(new Protection { Locked = false }) { ApplyProtection = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true }));
}
