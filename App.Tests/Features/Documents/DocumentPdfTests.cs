using System.Text.RegularExpressions;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Tests.Features.Decisions;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Documents;

// Every document converted by LibreOffice and read back as text, the check a person makes by eye: the Quốc hiệu on one
// line, the signer there, no placeholder or internal code. The demo commune with its register, so the tables are full.
// With HOCTAP_SCREENS set, page 1 of each is kept as a PNG (docs/screens).
public sealed class DocumentPdfTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private static readonly string[] Placeholders = ["{", "}", "chưa được kết nối", "TODO", "      /"];

    private async Task<int> IssueDecisionAsync(int year, int number)
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, year,
            new Scored("Hộ Lê Văn Thử (H0101)", "T01", 905), new Scored("Hộ Nguyễn Thị Bích Ngọc (H0102)", "T02", 880),
            new Scored("Hộ Trần Đức Thắng (H0103)", "T03", 850));
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        return await scope.ServiceProvider.GetRequiredService<DecisionService>().IssueAsync(DecisionTestData.Form(Title.FamilyLearning, year, number, [.. ids.Values]));
    }

    private static void AssertOfficial(string[] lines, string document)
    {
        Assert.True(lines.Any(l => l.Contains(DocumentTexts.Nation, StringComparison.Ordinal)),
            $"{document}: Quốc hiệu không nằm trên một dòng.\n{string.Join('\n', lines.Take(12))}");
        Assert.Contains(lines, l => l.Contains(DocumentTexts.Motto, StringComparison.Ordinal));
        foreach (var placeholder in Placeholders)
        {
            Assert.DoesNotContain(lines, l => l.Contains(placeholder, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_decision_converts_with_the_nation_on_one_line_the_signer_and_names_without_codes()
    {
        var id = await IssueDecisionAsync(2024, 91);
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var file = await scope.ServiceProvider.GetRequiredService<DecisionService>().DecisionDocxAsync(id);

        var pdf = LibreOffice.ToPdf(file.Content, "quyet-dinh.docx");
        LibreOffice.KeepFirstPage(pdf, "quyet-dinh");

        var lines = LibreOffice.Lines(pdf);
        AssertOfficial(lines, "Quyết định");
        Assert.Contains(lines, l => l.Contains("Trịnh Văn Chủ"));
        Assert.Contains(lines, l => l.Contains("Về việc công nhận danh hiệu “Gia đình học tập” năm 2024"));
        Assert.Contains(lines, l => l.Contains("Lê Văn Thử"));
        Assert.DoesNotContain(lines, l => l.Contains("(H01") || l.Contains("Hộ Lê Văn Thử"));
        Assert.Equal(2, LibreOffice.Pages(pdf));
    }

    [Fact]
    public async Task The_certificate_names_the_family_and_village_and_prints_the_configured_address()
    {
        var id = await IssueDecisionAsync(2023, 92);
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var code = (await decisions.GetAsync(id)).Subjects[0].CertificateCode;
        var file = await decisions.CertificatesPdfAsync(id, "https://hoctap.camtan.gov.vn");

        var pdf = LibreOffice.ToPdf(file.Content, "giay-chung-nhan.pdf");
        LibreOffice.KeepFirstPage(pdf, "giay-chung-nhan");

        var lines = LibreOffice.Lines(pdf);
        AssertOfficial(lines, "Giấy công nhận");
        Assert.Contains(lines, l => l.Contains("Gia đình ông/bà Lê Văn Thử"));
        Assert.Contains(lines, l => l.Contains("Thôn Tân Hòa, xã Cẩm Tân"));
        Assert.DoesNotContain(lines, l => l.Contains("Hộ Lê Văn Thử") || l.Contains("(H01"));
        Assert.Contains(lines, l => l.Contains("Trịnh Văn Chủ"));
        Assert.Contains(lines, l => l.Contains($"https://hoctap.camtan.gov.vn/xac-minh/{code}"));
        Assert.Equal(3, LibreOffice.Pages(pdf));
    }

    [Fact]
    public async Task Without_a_public_address_the_certificate_prints_the_path_only()
    {
        var id = await IssueDecisionAsync(2025, 93);
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var code = (await decisions.GetAsync(id)).Subjects[0].CertificateCode;

        var text = LibreOffice.Text(LibreOffice.ToPdf((await decisions.CertificatesPdfAsync(id, "")).Content, "giay.pdf"));

        Assert.Contains($"/xac-minh/{code}", text);
        Assert.DoesNotContain("http", text);
    }

    [Fact]
    public async Task The_yearly_report_converts_with_its_signer_whole_percentages_and_no_placeholder()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var form = await reports.GetTextAsync(2025);
        form.Content.Number = "15";
        form.Content.SignerName = "Nguyễn Thị Hồng Nhung";
        form.Content.SignerPosition = "KT. TRƯỞNG BAN – PHÓ TRƯỞNG BAN";
        form.Content.Difficulties = "Kinh phí cho \"Tủ sách gia đình\" còn ít.";
        await reports.SaveTextAsync(form);
        var file = await reports.DocxAsync(2025);

        var pdf = LibreOffice.ToPdf(file.Content, "bao-cao-nam.docx");
        LibreOffice.KeepFirstPage(pdf, "bao-cao-nam");

        var lines = LibreOffice.Lines(pdf);
        AssertOfficial(lines, "Báo cáo năm");
        Assert.Contains(lines, l => l.Contains("Nguyễn Thị Hồng Nhung"));
        Assert.Contains(lines, l => l.Contains("PHÓ TRƯỞNG BAN"));
        Assert.Contains(lines, l => l.Contains("“Tủ sách gia đình”"));
        Assert.DoesNotContain(lines, l => l.Contains('"'));
        // A percentage never splits from its sign: no "%" left alone at the start of a cell's next line.
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"(^|\s{2,})%(\s{2,}|$)"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"\d,\d\d\u00A0?\s?%"));
    }

    [Fact]
    public async Task The_report_workbook_converts_with_vietnamese_number_formats_on_fitted_pages()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var file = await scope.ServiceProvider.GetRequiredService<ReportService>().XlsxAsync(2025);

        var pdf = LibreOffice.ToPdf(file.Content, "bao-cao-nam.xlsx");
        LibreOffice.KeepFirstPage(pdf, "bao-cao-nam-xlsx");

        var text = LibreOffice.Text(pdf);
        Assert.Contains("Kết quả các danh hiệu năm 2025", text);
        Assert.Contains("Gia đình học tập (hộ)", text);
        Assert.Matches(@"\d,\d\d", text);
        Assert.DoesNotMatch(@"\b\d+\.\d\d\b(?!\d)", text);
        // Fit to width: each of the five sheets on one page across.
        Assert.InRange(LibreOffice.Pages(pdf), 4, 6);
    }
}
