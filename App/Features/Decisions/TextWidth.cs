using PdfSharp.Drawing;

namespace HocTapSuotDoi.Features.Decisions;

// The printed width of a line, measured with the shipped Liberation fonts (metric-compatible with Times New Roman and
// Arial), so a .docx can size a rule to its text or check that a line fits its cell.
public static class TextWidth
{
    private const double CmPerPoint = 2.54 / 72;
    private static readonly Lock Gate = new();

    public static double Cm(string text, string fontName, double sizePt, bool bold = false)
    {
        AssetFontResolver.Install();
        lock (Gate)
        {
            using var graphics = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
            var font = new XFont(fontName, sizePt, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            return graphics.MeasureString(text, font).Width * CmPerPoint;
        }
    }
}
