using System.Text.Json;
using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Features.Dashboard;

// The parts of a year's report that people write, one per commune and year, edited until the report is issued, kept
// afterwards for the next version.
public class YearlyReportText : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public int Year { get; set; }
    public ReportContent Content { get; set; } = new();
}

// What the report's page edits (ReportTextForm) and the row keeps, in the same class: the number, the awards proposed,
// difficulties and proposals, and the signer. Mapped as a complex property: its columns are the row's own.
public sealed class ReportContent
{
    public string Number { get; set; } = "";
    public string Awards { get; set; } = "";
    public string Difficulties { get; set; } = "";
    public string Proposals { get; set; } = "";
    // Who signs, as typed on the report's page; a new year starts from the last year's signer.
    public string SignerName { get; set; } = "";
    public string SignerPosition { get; set; } = "";
}

// A report as sent: both files exactly as generated on that day, never regenerated.
public class IssuedReport
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public string IssuedBy { get; set; } = "";
    public byte[] Docx { get; set; } = [];
    public byte[] Xlsx { get; set; } = [];
}

public sealed class YearlyReportTextConfiguration : IEntityTypeConfiguration<YearlyReportText>
{
    public void Configure(EntityTypeBuilder<YearlyReportText> e)
    {
        e.ToTable("YearlyReportTexts");
        e.ComplexProperty(x => x.Content, c =>
        {
            c.Property(x => x.Number).HasMaxLength(40);
            c.Property(x => x.Awards).HasMaxLength(8000);
            c.Property(x => x.Difficulties).HasMaxLength(8000);
            c.Property(x => x.Proposals).HasMaxLength(8000);
            c.Property(x => x.SignerName).HasMaxLength(200);
            c.Property(x => x.SignerPosition).HasMaxLength(200);
        });
        e.HasIndex(x => new { x.CommuneId, x.Year }).IsUnique();
    }
}

public sealed class IssuedReportConfiguration : IEntityTypeConfiguration<IssuedReport>
{
    public void Configure(EntityTypeBuilder<IssuedReport> e)
    {
        e.ToTable("IssuedReports");
        e.Property(x => x.Number).HasMaxLength(40);
        e.Property(x => x.IssuedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Sequence }).IsUnique();
    }
}

// Layout values of the report, read from wwwroot-assets/templates/bao-cao-nam.json so a commune can restyle it.
public sealed record ReportLayout
{
    public string ParentBody { get; init; } = "UBND XÃ {XA}";
    public string IssuingBody { get; init; } = "BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP XÃ {XA}";
    public string NumberSuffix { get; init; } = "BC-BCĐ";
    public string Title { get; init; } = "BÁO CÁO";
    public string Subtitle { get; init; } = "Kết quả thực hiện phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” năm {NAM}";
    // {CapTren}: the level above named in the settings (Reminders:LevelAboveName), as the deadlines name it.
    public string Recipient { get; init; } = "{CapTren}";
    public string FontName { get; init; } = "Times New Roman";
    public int FontSizePt { get; init; } = 13;
    public int TableFontSizePt { get; init; } = 11;
    public string SignerOnBehalf { get; init; } = "TM. BAN CHỈ ĐẠO";
    public string SignerRole { get; init; } = "TRƯỞNG BAN";
    public string SignerName { get; init; } = "";

    // The signer's position as one text, "TM. BAN CHỈ ĐẠO – TRƯỞNG BAN", printed on two lines.
    public string DefaultSignerPosition => $"{SignerOnBehalf} – {SignerRole}";

    public IReadOnlyList<string> Distribution { get; init; } = ["Như trên;", "Lưu: VT, BCĐ."];

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "templates", "bao-cao-nam.json");

    public static ReportLayout Load(string? path = null)
    {
        path ??= DefaultPath;
        return File.Exists(path) ? JsonSerializer.Deserialize<ReportLayout>(File.ReadAllText(path)) ?? new ReportLayout() : new ReportLayout();
    }

    public string Fill(string text, string commune, string province, int year) => text
        .Replace("{XA}", commune.ToUpper(Figures.Vi)).Replace("{Xa}", commune).Replace("{Tinh}", province)
        .Replace("{NAM}", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

// Everything the report shows, computed once through DashboardQueries; the .docx, the .xlsx and the preview render it.
public sealed record YearlyReportData(
    string CommuneName, string ProvinceName, int Year, DateOnly Date, string Number,
    YearFigures Figures, YearFigures PreviousYear, ReportCompliance Compliance,
    string Awards, string Difficulties, string Proposals, ReportLayout Layout)
{
    public string NumberLine => $"Số: {(string.IsNullOrWhiteSpace(Number) ? "      " : Number.Trim())}/{Layout.NumberSuffix}";
    public string PlaceDateLine => $"{CommuneName}, ngày {Date.Day:00} tháng {Date.Month:00} năm {Date.Year}";
    public string Fill(string text) => Layout.Fill(text.Replace("{CapTren}", LevelAbove), CommuneName, ProvinceName, Year);

    // The level above, as the settings name it (Reminders:LevelAboveName); {Tinh} in it is the province.
    public string LevelAbove { get; init; } = new Setup.ReminderSettings().LevelAboveName;
    public string FileStem => $"bao-cao-xhht-{Year}";

    // Typed on the report's page; until then the template's values.
    public string SignerName { get; init; } = Layout.SignerName;
    public string SignerPosition { get; init; } = Layout.DefaultSignerPosition;
}
