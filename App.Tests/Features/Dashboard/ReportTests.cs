using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

public sealed class ReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<YearlyReportData> KnownReportAsync()
    {
        var commune = await DashboardTestData.CreateAsync(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var figures = await DashboardQueries.YearAsync(db, commune.CommuneId, 2026);
        var previous = await DashboardQueries.YearAsync(db, commune.CommuneId, 2025);
        return new YearlyReportData("Kiểm Thử", "Tỉnh Kiểm Thử", 2026, new DateOnly(2026, 12, 4), "15", figures, previous,
            new ReportCompliance(false, [], null), ReportService.SuggestedAwards(figures), "Kinh phí còn hạn chế.", "Đề nghị tỉnh hỗ trợ tài liệu.",
            ReportLayout.Load());
    }

    public static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    public static List<string> XlsxCells(byte[] xlsx, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var id = wb.Workbook!.Descendants<Spreadsheet.Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return ((WorksheetPart)wb.GetPartById(id)).Worksheet!.Descendants<Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
    }

    [Fact]
    public async Task The_docx_validates_and_has_the_administrative_format_and_the_figures()
    {
        var report = await KnownReportAsync();
        var bytes = ReportDocx.Write(report);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        }
        var text = DocxText(bytes);
        foreach (var expected in new[]
        {
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP XÃ KIỂM THỬ", "Số: 15/BC-BCĐ",
            "Kiểm Thử, ngày 04 tháng 12 năm 2026", "Kính gửi: Ban Chỉ đạo xây dựng xã hội học tập tỉnh Tỉnh Kiểm Thử.",
            "I. KẾT QUẢ THỰC HIỆN CÁC DANH HIỆU", "II. SO SÁNH VỚI CHỈ TIÊU VÀ VỚI NĂM TRƯỚC", ReportCompliance.NoDataText,
            "IV. ĐỀ NGHỊ KHEN THƯỞNG", "Kinh phí còn hạn chế.", "Đề nghị tỉnh hỗ trợ tài liệu.", "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nơi nhận:",
            // GĐHT 8 of 15 (53,33 %) and of 13 registered (61,54 %); village A 60,00 % / 75,00 %; last year 20,00 %, so +33,33
            // points; gap 1 household; the rule behind the citizens' total.
            // The space before % is non-breaking in the .docx.
            "53,33\u00A0%", "61,54\u00A0%", "60,00\u00A0%", "75,00\u00A0%", "20,00\u00A0%", "+33,33", "cần thêm 1 hộ", "Thôn C",
            "Tổng số đối tượng Công dân học tập: người từ 15 tuổi trở lên (sinh năm 2011 trở về trước).",
        })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public async Task The_report_names_the_target_it_judges_by_with_its_year_and_level_and_says_when_it_is_not_yet_checked()
    {
        var report = await KnownReportAsync();

        // GĐHT against the commune's 60 % for 2026–2030 (checked); CĐHT thôn against the national 75 % for 2030, seeded
        // unchecked: the signed text says which target each verdict is about.
        var pdf = HocTapSuotDoi.Tests.Features.Documents.LibreOffice.ToPdf(ReportDocx.Write(report), "bao-cao-chi-tieu.docx");
        var text = HocTapSuotDoi.Tests.Features.Documents.LibreOffice.Flat(HocTapSuotDoi.Tests.Features.Documents.LibreOffice.Text(pdf));
        Assert.Contains("- Gia đình học tập: gần đạt chỉ tiêu 60,00 % (đến 2030, xã), cần thêm 1 hộ.", text);
        Assert.Contains("- Cộng đồng học tập cấp thôn: chưa đạt chỉ tiêu 75,00 % (đến 2030, trung ương; chưa đối chiếu với kế hoạch của tỉnh), cần thêm 2 thôn.", text);

        // The comparison table, in the .docx and its .xlsx twin, names the target the way the dashboard does.
        var comparison = XlsxCells(ReportXlsx.Write(report), "So sánh");
        Assert.Contains("60,00 % (đến 2030, xã)", comparison);
        Assert.Contains("75,00 % (đến 2030, trung ương; chưa đối chiếu với kế hoạch của tỉnh)", comparison);
        Assert.Contains("75,00\u00A0% (đến 2030, trung ương; chưa đối chiếu với kế hoạch của tỉnh)", DocxText(ReportDocx.Write(report)));
    }

    [Fact]
    public async Task The_signer_is_saved_with_the_report_and_a_new_year_starts_with_the_last_one()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var form = await reports.GetTextAsync(2023);
        Assert.Equal("TM. BAN CHỈ ĐẠO – TRƯỞNG BAN", form.Content.SignerPosition);
        form.Content.SignerName = "Lê Thị Ký";
        form.Content.SignerPosition = "KT. TRƯỞNG BAN – PHÓ TRƯỞNG BAN";
        await reports.SaveTextAsync(form);

        var next = await reports.GetTextAsync(2024);
        var data = await reports.BuildAsync(2023);

        Assert.Equal(("Lê Thị Ký", "KT. TRƯỞNG BAN – PHÓ TRƯỞNG BAN"), (next.Content.SignerName, next.Content.SignerPosition));
        Assert.Equal("Lê Thị Ký", data.SignerName);
        var text = DocxText(ReportDocx.Write(data));
        Assert.Contains("KT. TRƯỞNG BAN", text);
        Assert.Contains("PHÓ TRƯỞNG BAN", text);
        Assert.Contains("Lê Thị Ký", text);
        form = await reports.GetTextAsync(2023);
        form.Content.SignerPosition = "";
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => reports.SaveTextAsync(form));
    }

    [Fact]
    public async Task The_xlsx_prints_fitted_with_vietnamese_formats_and_real_dates()
    {
        var report = await KnownReportAsync() with
        {
            Compliance = new ReportCompliance(true, [new DeadlineCompliance("Báo cáo năm", new DateOnly(2026, 11, 30), 35, 30, 28)], null),
        };
        var bytes = ReportXlsx.Write(report);

        Assert.Equal(["Tổng hợp", "Theo thôn", "Nhóm đối tượng", "So sánh", "Báo cáo đơn vị"], HocTapSuotDoi.Tests.Features.Documents.WorkbookChecks.AssertPrintSetup(bytes, 3));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var formats = wb.WorkbookStylesPart!.Stylesheet!.NumberingFormats!.Elements<Spreadsheet.NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var xfs = wb.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<Spreadsheet.CellFormat>().ToList();
        string FormatOf(Spreadsheet.Cell c) => formats.GetValueOrDefault(xfs[(int)c.StyleIndex!.Value].NumberFormatId!.Value, "General");
        var sheet = wb.Workbook!.Descendants<Spreadsheet.Sheet>().Single(s => s.Name == "Báo cáo đơn vị");
        var due = ((WorksheetPart)wb.GetPartById(sheet.Id!.Value!)).Worksheet!.Descendants<Spreadsheet.Cell>().Single(c => c.CellReference == "B4");
        Assert.Equal(new DateTime(2026, 11, 30).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), due.CellValue!.Text);
        Assert.Equal("[$-42A]dd/mm/yyyy", FormatOf(due));
        var summary = wb.Workbook.Descendants<Spreadsheet.Sheet>().Single(s => s.Name == "Tổng hợp");
        var cells = ((WorksheetPart)wb.GetPartById(summary.Id!.Value!)).Worksheet!.Descendants<Spreadsheet.Cell>().ToList();
        Assert.Equal("[$-42A]#,##0", FormatOf(cells.Single(c => c.CellReference == "B4")));
        Assert.Equal("[$-42A]0.00", FormatOf(cells.Single(c => c.CellReference == "F4")));
    }

    [Fact]
    public async Task The_xlsx_validates_and_holds_the_figures_as_numbers()
    {
        var report = await KnownReportAsync();
        var bytes = ReportXlsx.Write(report);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        }
        var summary = XlsxCells(bytes, "Tổng hợp");
        var family = summary.IndexOf("Gia đình học tập (hộ)");
        Assert.Equal(["15", "13", "9", "8", "53.33", "61.54"], summary.Skip(family + 1).Take(6));
        var villages = XlsxCells(bytes, "Theo thôn");
        var a = villages.IndexOf("Thôn A");
        Assert.Equal(["10", "8", "6", "60.0", "75.0"], villages.Skip(a + 1).Take(5).Select(v => v == "60" ? "60.0" : v == "75" ? "75.0" : v));
        Assert.Contains("% trên tổng số", summary);
        Assert.Contains("% trên số đăng ký", summary);
    }

    [Fact]
    public void The_layout_template_shipped_with_the_app_is_read()
    {
        var layout = ReportLayout.Load();
        Assert.Equal("BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP XÃ {XA}", layout.IssuingBody);
        Assert.Equal("Times New Roman", layout.FontName);
        Assert.True(File.Exists(ReportLayout.DefaultPath));
    }
}
