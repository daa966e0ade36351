using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HocTapSuotDoi.Setup;

// Print setup every workbook the app hands out shares: A4, fit to one page wide, the heading row repeated on every
// printed page (Print_Titles). Elements are placed in the order the schema requires.
public static class XlsxPrint
{
    // Children of a worksheet that the schema puts after pageMargins/pageSetup.
    private static readonly Type[] AfterPageSetup =
    [
        typeof(HeaderFooter), typeof(RowBreaks), typeof(ColumnBreaks), typeof(CustomProperties), typeof(CellWatches),
        typeof(IgnoredErrors), typeof(Drawing), typeof(LegacyDrawing), typeof(LegacyDrawingHeaderFooter), typeof(DrawingHeaderFooter),
        typeof(Picture), typeof(OleObjects), typeof(Controls), typeof(WebPublishItems), typeof(TableParts), typeof(WorksheetExtensionList),
    ];

    public static void Apply(WorkbookPart workbook, WorksheetPart sheet, string sheetName, uint headerRow, bool landscape)
    {
        var worksheet = sheet.Worksheet!;
        var properties = worksheet.GetFirstChild<SheetProperties>();
        if (properties is null)
        {
            properties = new SheetProperties();
            worksheet.InsertAt(properties, 0);
        }
        properties.PageSetupProperties = new PageSetupProperties { FitToPage = true };

        worksheet.RemoveAllChildren<PageSetup>();
        var margins = worksheet.GetFirstChild<PageMargins>();
        if (margins is null)
        {
            // 2 cm top and bottom, 1,5 cm left and right, in inches.
            margins = new PageMargins { Left = 0.6, Right = 0.6, Top = 0.8, Bottom = 0.8, Header = 0.3, Footer = 0.3 };
            var next = worksheet.ChildElements.FirstOrDefault(e => AfterPageSetup.Contains(e.GetType()));
            if (next is null)
            {
                worksheet.Append(margins);
            }
            else
            {
                worksheet.InsertBefore(margins, next);
            }
        }
        margins.InsertAfterSelf(new PageSetup
        {
            PaperSize = 9U, Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1U, FitToHeight = 0U,
        });

        var book = workbook.Workbook!;
        var index = (uint)book.Sheets!.Elements<Sheet>().TakeWhile(s => s.Name != sheetName).Count();
        var names = book.GetFirstChild<DefinedNames>();
        if (names is null)
        {
            names = new DefinedNames();
            var anchor = (OpenXmlElement?)book.GetFirstChild<ExternalReferences>() ?? (OpenXmlElement?)book.GetFirstChild<FunctionGroups>() ?? book.Sheets;
            anchor.InsertAfterSelf(names);
        }
        names.Append(new DefinedName($"'{sheetName.Replace("'", "''")}'!${headerRow}:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = index });
    }
}
