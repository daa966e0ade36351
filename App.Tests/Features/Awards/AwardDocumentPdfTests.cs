using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Phases;
using HocTapSuotDoi.Tests.Features.Documents;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Awards;

// The award and phase documents converted by LibreOffice and read back as text: the Quốc hiệu on one line, the signer,
// no placeholder or register code. On the demo commune, whose 2025 sơ kết round the demo seeder made through the
// services. With HOCTAP_SCREENS set, page 1 of each is kept as a PNG (docs/screens).
public sealed class AwardDocumentPdfTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private static readonly string[] Placeholders = ["{", "}", "TODO", "      /"];

    private async Task<int> DemoRoundAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<AwardRound>().Where(r => r.Kind == AwardRoundKind.MidTermReview && r.Year == 2025).Select(r => r.Id).SingleAsync();
    }

    private static void AssertOfficial(string[] lines, string document, string signer)
    {
        Assert.True(lines.Any(l => l.Contains(DocumentTexts.Nation, StringComparison.Ordinal)),
            $"{document}: Quốc hiệu không nằm trên một dòng.\n{string.Join('\n', lines.Take(12))}");
        Assert.Contains(lines, l => l.Contains(DocumentTexts.Motto, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(signer, StringComparison.Ordinal));
        foreach (var placeholder in Placeholders)
        {
            Assert.DoesNotContain(lines, l => l.Contains(placeholder, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\(T\d\d-\d{4}\)"));
    }

    private async Task<T> AsViewerAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task The_demo_round_has_proposals_from_hints_and_the_councils_answers()
    {
        var round = await AsViewerAsync(s => s.GetRequiredService<AwardService>().GetRoundAsync(DemoRoundAsync().Result));
        Assert.Equal("Sơ kết giai đoạn 1 (2023–2025)", round.Name);
        Assert.InRange(round.Proposals.Count, 8, 12);
        Assert.Single(round.Proposals, p => p.Status == AwardProposalStatus.Refused && p.CouncilNote.Length > 0);
        Assert.Contains(round.Proposals, p => p.Status == AwardProposalStatus.Approved && p.Form == AwardForm.CommuneCertificate);
        Assert.Contains(round.Proposals, p => p.Status == AwardProposalStatus.Approved && p.Form == AwardForm.ProvinceCertificate);
        Assert.Equal(215, round.Documents.DecisionNumber);
        // The demo's decision is issued, so its list is locked.
        Assert.True(round.Issued);
        Assert.False(round.CanChangeList);
    }

    [Fact]
    public async Task The_award_decision_converts_with_the_nation_on_one_line_the_signer_and_the_list()
    {
        var roundId = await DemoRoundAsync();
        var file = await AsViewerAsync(s => s.GetRequiredService<AwardFileService>().DecisionDocxAsync(roundId));

        var pdf = LibreOffice.ToPdf(file.Content, "quyet-dinh-khen-thuong.docx");
        LibreOffice.KeepFirstPage(pdf, "quyet-dinh-khen-thuong");

        var lines = LibreOffice.Lines(pdf);
        AssertOfficial(lines, "Quyết định khen thưởng", "Trịnh Đình Long");
        Assert.Contains(lines, l => l.Contains("Số: 215/QĐ-UBND"));
        Assert.Contains(lines, l => l.Contains("Về việc khen thưởng trong Phong trào thi đua"));
        Assert.Contains(lines, l => l.Contains("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã"));
        Assert.Contains(lines, l => l.Contains("Gia đình ông/bà"));
        Assert.Contains(lines, l => l.Contains("05/BB-HĐTĐKT ngày 10/12/2025"));
    }

    [Fact]
    public async Task The_proposal_to_the_province_converts_with_its_list_and_the_workbook_holds_the_same_rows()
    {
        var roundId = await DemoRoundAsync();
        var (docx, xlsx) = await AsViewerAsync(async s =>
        {
            var files = s.GetRequiredService<AwardFileService>();
            return (await files.SubmissionDocxAsync(roundId), await files.SubmissionXlsxAsync(roundId));
        });

        var pdf = LibreOffice.ToPdf(docx.Content, "to-trinh.docx");
        LibreOffice.KeepFirstPage(pdf, "to-trinh-khen-thuong");
        var lines = LibreOffice.Lines(pdf);
        AssertOfficial(lines, "Tờ trình", "Trịnh Đình Long");
        Assert.Contains(lines, l => l.Contains("Số: 48/TTr-UBND"));
        Assert.Contains(lines, l => l.Contains("Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa."));
        Assert.Contains(lines, l => l.Contains("Bằng khen của Chủ tịch UBND tỉnh"));

        var sheet = LibreOffice.ToPdf(xlsx.Content, "de-nghi.xlsx");
        LibreOffice.KeepFirstPage(sheet, "de-nghi-khen-thuong-xlsx");
        var text = LibreOffice.Text(sheet);
        Assert.Contains("Hình thức khen thưởng", text);
        Assert.Contains("Bằng khen của Chủ tịch UBND tỉnh", text);
        Assert.DoesNotContain("Giấy khen của Chủ tịch UBND xã", text);
    }

    [Fact]
    public async Task The_phase_one_report_converts_with_its_figures_awards_initiatives_funding_and_tasks()
    {
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            var form = await reports.GetTextAsync(2025);
            form.Content.SignerName = "Nguyễn Thị Hồng Nhung";
            await reports.SaveTextAsync(form);
        }
        var file = await AsViewerAsync(s => s.GetRequiredService<PhaseReportService>().DocxAsync(1));

        var pdf = LibreOffice.ToPdf(file.Content, "bao-cao-so-ket.docx");
        LibreOffice.KeepFirstPage(pdf, "bao-cao-so-ket");

        var lines = LibreOffice.Lines(pdf);
        AssertOfficial(lines, "Báo cáo sơ kết", "Nguyễn Thị Hồng Nhung");
        LibreOffice.AssertCommitteeHeader(lines);
        Assert.Contains(lines, l => l.Contains("Sơ kết giai đoạn 1 (2023 - 2025)"));
        Assert.Contains(lines, l => l.Contains("I. KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP QUA CÁC NĂM"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\d,\d\d\u00A0?\s?%"));
        var text = string.Join("\n", lines);
        Assert.Contains("Sơ kết giai đoạn 1 (2023–2025): tặng Giấy khen", text);
        Assert.Contains("Tủ sách dùng chung cho học sinh và phụ huynh", text);
        // The demo's 2025 budget lines and fund entries, through the funding feature.
        Assert.Contains("IV. KINH PHÍ THỰC HIỆN", text);
        Assert.Contains("Số dư Quỹ khuyến học cuối năm 2025:", text);
        Assert.DoesNotContain("Phần mềm chưa ghi nhận số liệu kinh phí", text);
        Assert.Contains("V. THỰC HIỆN NHIỆM VỤ THEO KẾ HOẠCH", text);
    }
}
