using System.Text.Json;

namespace HocTapSuotDoi.Features.Decisions;

public sealed record DecisionLayout
{
    public string FontName { get; init; } = "Times New Roman";
    public double FontSizePt { get; init; } = 14;
    public double HeaderFontSizePt { get; init; } = 13;
    public double TableFontSizePt { get; init; } = 13;
    public double RecipientsFontSizePt { get; init; } = 11;
    public double MarginTopCm { get; init; } = 2;
    public double MarginBottomCm { get; init; } = 2;
    public double MarginLeftCm { get; init; } = 3;
    public double MarginRightCm { get; init; } = 2;
    public double FirstLineIndentCm { get; init; } = 1.27;
    public double SpacingAfterPt { get; init; } = 6;
    public double LineSpacing { get; init; } = 1.15;
    public double IssuerColumnCm { get; init; } = 5.8;
}

public sealed record CertificateLayout
{
    public string FontName { get; init; } = "Liberation Serif";
    public string CodeFontName { get; init; } = "Liberation Sans";
    public string Heading { get; init; } = "GIẤY CÔNG NHẬN";
    public string HeadingColor { get; init; } = "#B71C1C";
    public string BorderColor { get; init; } = "#B8860B";
    public string TextColor { get; init; } = "#1A1A1A";
}

// The layout of generated documents, read from wwwroot-assets/templates/van-ban.json at each download, so a commune
// restyles its documents by editing that file. A missing file or value falls back to the defaults above.
public sealed record DocumentLayout
{
    private static readonly JsonSerializerOptions ReadOptions = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public DecisionLayout Decision { get; init; } = new();
    public CertificateLayout Certificate { get; init; } = new();

    public static string AssetsDirectory => Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");

    public static DocumentLayout Load()
    {
        var path = Path.Combine(AssetsDirectory, "templates", "van-ban.json");
        if (!File.Exists(path))
        {
            return new DocumentLayout();
        }
        try
        {
            return JsonSerializer.Deserialize<DocumentLayout>(File.ReadAllText(path), ReadOptions)
                ?? new DocumentLayout();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Tệp mẫu văn bản {path} không đúng định dạng JSON: {ex.Message}", ex);
        }
    }
}
