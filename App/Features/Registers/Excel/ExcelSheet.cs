using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HocTapSuotDoi.Features.Registers.Excel;

public sealed record ExcelFile(string FileName, byte[] Content)
{
    public const string ContentType = Downloads.XlsxType;
}

// One sheet with a header row. Text is written as text, so codes and ID numbers keep their leading zeros and dates
// stay dd/MM/yyyy whatever the reader's locale; counts are written as numbers.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A DataTable holds no unmanaged resource; its Dispose only raises an event nobody listens to.")]
public sealed class ExcelSheet
{
    private readonly string _name;
    private readonly DataTable _table = new();

    public ExcelSheet(string name, IReadOnlyList<string> headers)
    {
        _name = name;
        foreach (var header in headers)
        {
            _table.Columns.Add(header, typeof(object));
        }
    }

    public int Count => _table.Rows.Count;

    public void Add(params object?[] values) =>
        _table.Rows.Add(values.Select(v => v is string { Length: 0 } or null ? DBNull.Value : v).ToArray());

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, _table, sheetName: _name, configuration: new OpenXmlConfiguration
        {
            TableStyles = TableStyles.Default,
            AutoFilter = true,
            FreezeRowCount = 1,
            // Column widths need FastMode (the whole sheet is measured in memory): fine at register sizes.
            FastMode = true,
            EnableAutoWidth = true,
            MaxWidth = 45,
        });
        // Print setup MiniExcel does not write: A4, one page wide (landscape for the wide lists), heading row repeated.
        stream.Position = 0;
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First();
            Setup.XlsxPrint.Apply(workbook, (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!.Value!), _name, 1,
                landscape: _table.Columns.Count > 7);
        }
        return stream.ToArray();
    }
}
