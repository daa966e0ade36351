using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace HocTapSuotDoi.Tests.Features.Documents;

// What every workbook the app hands out must carry for printing: A4, one page wide, the heading row repeated.
public static class WorkbookChecks
{
    public static List<string> AssertPrintSetup(byte[] xlsx, uint headerRow)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook!.Descendants<Sheet>().ToList();
        var titles = workbook.Workbook.Descendants<DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles").ToList();
        for (var i = 0; i < sheets.Count; i++)
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheets[i].Id!.Value!)).Worksheet!;
            var setup = worksheet.GetFirstChild<PageSetup>();
            Assert.NotNull(setup);
            Assert.Equal(9U, setup.PaperSize!.Value);
            Assert.Equal(1U, setup.FitToWidth!.Value);
            Assert.Equal(0U, setup.FitToHeight!.Value);
            Assert.True(worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
            Assert.NotNull(worksheet.GetFirstChild<Columns>());
            var title = Assert.Single(titles, t => t.LocalSheetId!.Value == i);
            Assert.Equal($"'{sheets[i].Name}'!${headerRow}:${headerRow}", title.Text);
        }
        return sheets.Select(s => s.Name!.Value!).ToList();
    }
}
