using System.Collections.Concurrent;
using HocTapSuotDoi.Features.Criteria.Engine;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using static HocTapSuotDoi.Features.Decisions.DocumentTexts;

namespace HocTapSuotDoi.Features.Decisions;

// The certificates of a decision: one A4 landscape page per recognised subject, drawn with PDFsharp.
public static class CertificatePdf
{
    public static byte[] Build(Decision decision, CertificateLayout layout, string verifyBaseUrl)
    {
        AssetFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Giấy công nhận – Quyết định số {decision.FullNumber}";
        document.Info.Creator = "Học tập suốt đời";
        foreach (var subject in decision.Subjects.OrderBy(s => s.SortOrder))
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            page.Orientation = PdfSharp.PageOrientation.Landscape;
            using var graphics = XGraphics.FromPdfPage(page);
            Draw(graphics, page.Width.Point, page.Height.Point, decision, subject, layout, verifyBaseUrl);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics g, double width, double height, Decision decision, DecisionSubject subject, CertificateLayout layout, string verifyBaseUrl)
    {
        var serif = layout.FontName;
        var heading = new XSolidBrush(Color(layout.HeadingColor));
        var text = new XSolidBrush(Color(layout.TextColor));
        var border = Color(layout.BorderColor);
        g.DrawRectangle(new XPen(border, 4), 18, 18, width - 36, height - 36);
        g.DrawRectangle(new XPen(border, 1), 28, 28, width - 56, height - 56);

        var y = 70.0;
        Centre(g, Nation, new XFont(serif, 14, XFontStyleEx.Bold), text, width, ref y, 18);
        var motto = new XFont(serif, 14, XFontStyleEx.Bold);
        Centre(g, Motto, motto, text, width, ref y, 4);
        var mottoWidth = g.MeasureString(Motto, motto).Width;
        g.DrawLine(new XPen(XColors.Black, 0.8), (width - mottoWidth) / 2, y, (width + mottoWidth) / 2, y);
        y += 30;
        Centre(g, $"CHỦ TỊCH {Upper(decision.IssuingBody)}", new XFont(serif, 14, XFontStyleEx.Bold), text, width, ref y, 62);
        Centre(g, layout.Heading, new XFont(serif, 40, XFontStyleEx.Bold), heading, width, ref y, 40);

        var (recipient, place) = CertificateRecipient(decision.Title, subject.SubjectName, subject.VillageName, decision.Place);
        Centre(g, "Công nhận", new XFont(serif, 16, XFontStyleEx.Italic), text, width, ref y, 40);
        Centre(g, recipient, Fit(g, recipient, serif, 28, XFontStyleEx.Bold, width - 140), text, width, ref y, 28);
        Centre(g, place, new XFont(serif, 15, XFontStyleEx.Regular), text, width, ref y, 40);
        var award = $"Đạt danh hiệu {Quoted(Upper(decision.Title.DisplayName()))} năm {decision.Year}";
        Centre(g, award, Fit(g, award, serif, 22, XFontStyleEx.Bold, width - 140), heading, width, ref y, 28);
        Centre(g, $"(Theo Quyết định số {decision.FullNumber} ngày {ShortDate(decision.IssuedOn)} của Chủ tịch {decision.IssuingBody})",
            new XFont(serif, 12, XFontStyleEx.Italic), text, width, ref y, 0);

        // Signature block, right.
        var right = new XRect(width / 2 + 20, 0, width / 2 - 70, 0);
        var sy = height - 165;
        Centre(g, DateLine(decision.Place, decision.IssuedOn), new XFont(serif, 13, XFontStyleEx.Italic), text, right, ref sy, 18);
        foreach (var line in PositionLines(decision.SignerPosition))
        {
            Centre(g, line, new XFont(serif, 13, XFontStyleEx.Bold), text, right, ref sy, 17);
        }
        sy = height - 58;
        Centre(g, decision.SignerName, new XFont(serif, 14, XFontStyleEx.Bold), text, right, ref sy, 0);

        // Verification code, left: the code in a plain WinAnsi font so it is searchable and copyable as typed.
        var label = new XFont(serif, 11, XFontStyleEx.Regular);
        var codeFont = new XFont(layout.CodeFontName, 13, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.WinAnsi));
        var urlFont = new XFont(layout.CodeFontName, 9, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.WinAnsi));
        const double x = 60;
        var codeY = height - 82;
        g.DrawString("Mã xác minh:", label, text, x, codeY);
        g.DrawString(subject.CertificateCode, codeFont, text, x + g.MeasureString("Mã xác minh: ", label).Width, codeY);
        // The public address from App:PublicBaseUrl; without it, the path on the commune's own site.
        var path = $"/xac-minh/{subject.CertificateCode}";
        var address = verifyBaseUrl.Length > 0 ? verifyBaseUrl.TrimEnd('/') + path : path;
        g.DrawString(verifyBaseUrl.Length > 0 ? "Tra cứu tính xác thực tại:" : "Tra cứu tính xác thực trên trang của xã, đường dẫn:", label, text, x, codeY + 16);
        g.DrawString(address, urlFont, text, x, codeY + 30);
    }

    private static void Centre(XGraphics g, string line, XFont font, XBrush brush, double width, ref double y, double advance) =>
        Centre(g, line, font, brush, new XRect(0, 0, width, 0), ref y, advance);

    private static void Centre(XGraphics g, string line, XFont font, XBrush brush, XRect column, ref double y, double advance)
    {
        g.DrawString(line, font, brush, new XRect(column.X, y - font.Size, column.Width, font.Size * 1.3), XStringFormats.TopCenter);
        y += advance;
    }

    // The largest size up to `size` at which the line fits the width (long clan or unit names).
    private static XFont Fit(XGraphics g, string line, string family, double size, XFontStyleEx style, double maxWidth)
    {
        var font = new XFont(family, size, style);
        while (size > 12 && g.MeasureString(line, font).Width > maxWidth)
        {
            size -= 1;
            font = new XFont(family, size, style);
        }
        return font;
    }

    private static XColor Color(string hex)
    {
        var value = hex.TrimStart('#');
        return value.Length == 6 && int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            : XColors.Black;
    }
}

// PDFsharp draws only with fonts it is given: the Liberation fonts shipped in wwwroot-assets/fonts (they cover
// Vietnamese). The resolver is process-wide, so one instance is installed once.
public sealed class AssetFontResolver : IFontResolver
{
    private static readonly AssetFontResolver Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not AssetFontResolver)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var family = familyName.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "liberationsans" or "arial" or "helvetica" => "LiberationSans",
            _ => "LiberationSerif",
        };
        var style = (bold, italic) switch { (true, true) => "BoldItalic", (true, false) => "Bold", (false, true) => "Italic", _ => "Regular" };
        var face = $"{family}-{style}";
        if (File.Exists(PathOf(face)))
        {
            return new FontResolverInfo(face);
        }
        // Only the upright Sans faces are shipped: italics are slanted by PDFsharp.
        return new FontResolverInfo($"{family}-{(bold ? "Bold" : "Regular")}", false, italic);
    }

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, f => File.ReadAllBytes(PathOf(f)));

    private static string PathOf(string face) => Path.Combine(DocumentLayout.AssetsDirectory, "fonts", face + ".ttf");
}
