using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HocTapSuotDoi.Features.Decisions;

// Paragraph alignments by their short names, for the document writers (`using static …Align`).
public static class Align
{
    public static readonly JustificationValues Center = JustificationValues.Center;
    public static readonly JustificationValues Left = JustificationValues.Left;
    public static readonly JustificationValues Right = JustificationValues.Right;
    public static readonly JustificationValues Both = JustificationValues.Both;
}

public sealed record TextRun(string Text, bool Bold = false, bool Italic = false, bool Underline = false, double? SizePt = null);

// The few Word building blocks an administrative document needs: paragraphs, borderless layout tables, a bordered
// list table, A4 page. Properties are set through the SDK's typed properties, which keep the schema's element order
// (a child appended out of order is what OpenXmlValidator reports most).
public sealed class DocxWriter(DecisionLayout layout)
{
    private const double TwipsPerCm = 566.93;
    private const double PageWidthCm = 21.0;
    private readonly List<OpenXmlElement> _body = [];

    public DecisionLayout Layout => layout;

    public double TextWidthCm => PageWidthCm - layout.MarginLeftCm - layout.MarginRightCm;

    public static int Twips(double cm) => (int)Math.Round(cm * TwipsPerCm);

    public void Add(OpenXmlElement element) => _body.Add(element);

    public Paragraph Para(JustificationValues align, params TextRun[] runs) => Para(align, false, runs);

    public Paragraph Para(JustificationValues align, bool firstLineIndent, params TextRun[] runs)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines
            {
                After = Twentieths(layout.SpacingAfterPt), Line = ((int)Math.Round(layout.LineSpacing * 240)).ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto,
            },
            Justification = new Justification { Val = align },
        };
        if (firstLineIndent)
        {
            properties.Indentation = new Indentation { FirstLine = Twips(layout.FirstLineIndentCm).ToString(CultureInfo.InvariantCulture) };
        }
        var paragraph = new Paragraph(properties);
        foreach (var run in runs)
        {
            paragraph.Append(Run(run));
        }
        return paragraph;
    }

    // A paragraph without spacing, for the header and signature blocks.
    public Paragraph Line(JustificationValues align, params TextRun[] runs)
    {
        var paragraph = Para(align, runs);
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto };
        return paragraph;
    }

    // Left and right padding of layout-table cells: the header's columns are sized knowing it.
    public const double CellPaddingCm = 0.1;

    // A short centred rule (under the issuing body, the national motto, the trích yếu): the top border of a 2-point
    // paragraph, narrowed by its indents. `columnCm` is the width the paragraph lives in (a cell's text width).
    public static Paragraph Rule(double columnCm, double ruleCm, int afterTwips = 0, int beforeTwips = 80)
    {
        // The paragraph's mark is 1 pt high, so the border sits `beforeTwips` under the line above in Word and LibreOffice alike
        // (an "exact" line height lets LibreOffice draw the border into the text above).
        var indent = Twips(Math.Max(0, (columnCm - ruleCm) / 2)).ToString(CultureInfo.InvariantCulture);
        return new(new ParagraphProperties
        {
            KeepNext = new KeepNext(),
            ParagraphBorders = new ParagraphBorders { TopBorder = new TopBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" } },
            SpacingBetweenLines = new SpacingBetweenLines { Before = beforeTwips.ToString(CultureInfo.InvariantCulture), After = afterTwips.ToString(CultureInfo.InvariantCulture), Line = "240", LineRule = LineSpacingRuleValues.Auto },
            Indentation = new Indentation { Left = indent, Right = indent },
            ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "2" }, new FontSizeComplexScript { Val = "2" }),
        });
    }

    public static void PageBreakBefore(Paragraph paragraph) => paragraph.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();

    public static void KeepWithNext(Paragraph paragraph) => paragraph.ParagraphProperties!.KeepNext = new KeepNext();

    public Run Run(TextRun text)
    {
        var properties = new RunProperties();
        if (text.Bold)
        {
            properties.Bold = new Bold();
        }
        if (text.Italic)
        {
            properties.Italic = new Italic();
        }
        if (text.SizePt is { } size)
        {
            properties.FontSize = new FontSize { Val = HalfPoints(size) };
            properties.FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(size) };
        }
        if (text.Underline)
        {
            properties.Underline = new Underline { Val = UnderlineValues.Single };
        }
        var run = new Run(properties);
        var lines = text.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    // A table that only places blocks side by side (header, signature): no borders, fixed column widths.
    public static Table LayoutTable(double[] columnsCm, params OpenXmlElement[][][] rows) => Table(columnsCm, borders: false, header: false, rows);

    // The attached list: bordered, the heading row repeated on every page, rows never split across pages.
    public static Table ListTable(double[] columnsCm, params OpenXmlElement[][][] rows) => Table(columnsCm, borders: true, header: true, rows);

    private static Table Table(double[] columnsCm, bool borders, bool header, OpenXmlElement[][][] rows)
    {
        var value = borders ? BorderValues.Single : BorderValues.Nil;
        var table = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Width = columnsCm.Sum(Twips).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
            TableBorders = new TableBorders
            {
                TopBorder = new TopBorder { Val = value, Size = 4, Color = "000000" },
                LeftBorder = new LeftBorder { Val = value, Size = 4, Color = "000000" },
                BottomBorder = new BottomBorder { Val = value, Size = 4, Color = "000000" },
                RightBorder = new RightBorder { Val = value, Size = 4, Color = "000000" },
                InsideHorizontalBorder = new InsideHorizontalBorder { Val = value, Size = 4, Color = "000000" },
                InsideVerticalBorder = new InsideVerticalBorder { Val = value, Size = 4, Color = "000000" },
            },
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault
            {
                TableCellLeftMargin = new TableCellLeftMargin { Width = (short)Twips(CellPaddingCm), Type = TableWidthValues.Dxa },
                TableCellRightMargin = new TableCellRightMargin { Width = (short)Twips(CellPaddingCm), Type = TableWidthValues.Dxa },
            },
        });
        table.Append(new TableGrid(columnsCm.Select(c => new GridColumn { Width = Twips(c).ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new TableRow();
            var rowProperties = new TableRowProperties(new CantSplit());
            if (header && r == 0)
            {
                rowProperties.Append(new TableHeader());
            }
            row.Append(rowProperties);
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = new TableCell(new TableCellProperties
                {
                    TableCellWidth = new TableCellWidth { Width = Twips(columnsCm[c]).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = borders ? TableVerticalAlignmentValues.Center : TableVerticalAlignmentValues.Top },
                });
                // Word needs a paragraph in every cell.
                cell.Append(rows[r][c].Length > 0 ? rows[r][c] : [new Paragraph()]);
                row.Append(cell);
            }
            table.Append(row);
        }
        return table;
    }

    public byte[] Save(string title)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = new RunFonts { Ascii = layout.FontName, HighAnsi = layout.FontName, ComplexScript = layout.FontName, EastAsia = layout.FontName },
                    FontSize = new FontSize { Val = HalfPoints(layout.FontSizePt) },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(layout.FontSizePt) },
                    Languages = new Languages { Val = "vi-VN" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                })));
            var body = new Body(_body.Select(e => e.CloneNode(true)));
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)Twips(PageWidthCm), Height = (UInt32Value)(uint)Twips(29.7) },
                new PageMargin
                {
                    Top = Twips(layout.MarginTopCm), Bottom = Twips(layout.MarginBottomCm),
                    Left = (UInt32Value)(uint)Twips(layout.MarginLeftCm), Right = (UInt32Value)(uint)Twips(layout.MarginRightCm),
                    Header = 567U, Footer = 567U, Gutter = 0U,
                }));
            main.Document = new Document(body);
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = "vi-VN";
        }
        return stream.ToArray();
    }

    private static string HalfPoints(double pt) => ((int)Math.Round(pt * 2)).ToString(CultureInfo.InvariantCulture);

    private static string Twentieths(double pt) => ((int)Math.Round(pt * 20)).ToString(CultureInfo.InvariantCulture);
}
