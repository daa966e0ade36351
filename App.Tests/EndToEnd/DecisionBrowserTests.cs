using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Decisions;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PdfSharp.Pdf.IO;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DecisionBrowserTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Committee_member_issues_a_decision_and_downloads_the_docx_and_the_certificates()
    {
        int year;
        using (var scope = browser.App.Services.CreateScope())
        {
            year = scope.ServiceProvider.GetRequiredService<WorkingYear>().Year;
        }
        var ids = await browser.App.AddEvaluationsAsync(Title.FamilyLearning, year,
            new("Nguyễn Thị Mai", "T01", 905), new("Hoàng Văn Long", "T02", 870), new("Trương Văn Chậm", "T02", 550, Meets: false));
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "bcd@camtan.vn", AppFactory.DemoPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Quyết định công nhận" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync($"Quyết định công nhận năm {year}");
        await page.ClickAsync("#new-decision");
        // Step 1: only the sheets that meet the criteria, already ticked, grouped by village.
        await Expect(page.Locator("tr.candidate")).ToHaveCountAsync(2);
        await Expect(page.Locator($"tr.candidate[data-evaluation='{ids["Trương Văn Chậm"]}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("tr.village-group")).ToHaveCountAsync(2);
        await page.Locator($"tr.candidate[data-evaluation='{ids["Nguyễn Thị Mai"]}'] input[type=checkbox]").CheckAsync();
        await page.Locator($"tr.candidate[data-evaluation='{ids["Hoàng Văn Long"]}'] input[type=checkbox]").CheckAsync();
        await Expect(page.Locator("#selected-count")).ToContainTextAsync("Đã chọn 2 / 2 hồ sơ đạt");

        // Step 2: the number is suggested; without one the decision is not issued.
        await Expect(page.Locator("#decision-number")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await page.FillAsync("#decision-number", "");
        await page.ClickAsync("#issue-decision");
        await Expect(page.GetByText("Hãy nhập số quyết định.")).ToBeVisibleAsync();
        await page.FillAsync("#decision-number", "45");
        await page.FillAsync("#decision-signer", "Trịnh Văn Chủ");
        // Step 3: the preview reads what will be signed.
        await Expect(page.Locator("#preview-article1")).ToContainTextAsync("Công nhận 2 gia đình");
        await Expect(page.Locator("#preview-signer")).ToContainTextAsync("Trịnh Văn Chủ");
        await page.ClickAsync("#issue-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Quyết định số 45/QĐ-UBND");
        await Expect(page.Locator("#decision-subjects")).ToContainTextAsync("Nguyễn Thị Mai");
        Assert.Equal(EvaluationStatus.Recognised, await browser.App.StatusAsync(ids["Hoàng Văn Long"]));

        var docx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-docx"));
        Assert.Equal($"quyet-dinh-45-qd-ubnd-{year}.docx", docx.SuggestedFilename);
        var docxPath = Path.Combine(Path.GetTempPath(), $"hoctap-{Guid.NewGuid():N}.docx");
        await docx.SaveAsAsync(docxPath);
        using (var document = WordprocessingDocument.Open(docxPath, false))
        {
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document));
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Số: 45/QĐ-UBND", text);
            Assert.Contains("Nguyễn Thị Mai", text);
            Assert.Contains("Hoàng Văn Long", text);
        }

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
        var pdfPath = Path.Combine(Path.GetTempPath(), $"hoctap-{Guid.NewGuid():N}.pdf");
        await pdf.SaveAsAsync(pdfPath);
        using (var certificates = PdfReader.Open(pdfPath, PdfDocumentOpenMode.Import))
        {
            Assert.Equal(2, certificates.PageCount);
        }
        File.Delete(docxPath);
        File.Delete(pdfPath);
        await Screens.KeepAsync(page, "decision", fullPage: true);
    }
}
