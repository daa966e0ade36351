using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HocTapSuotDoi.Tests.Features.Awards;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class AwardBrowserTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_committee_proposes_from_hints_for_the_2025_review_the_council_approves_and_the_decision_downloads()
    {
        var householdId = await browser.App.AddRecognisedHouseholdAsync("Lê Văn Gợi", "T01", 2024, 2025);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "bcd@camtan.vn", AppFactory.DemoPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Khen thưởng" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Khen thưởng");
        // The form starts on the 2025 sơ kết.
        await page.ClickAsync("#create-round");
        await Expect(page.Locator("h1")).ToContainTextAsync("Sơ kết giai đoạn 1 (2023–2025)");
        // Once the sơ kết exists, the form starts on the working year's own round.
        await page.GoBackAsync();
        await Expect(page.Locator(".mud-select", new() { Has = page.Locator("#round-kind") }).Last).ToContainTextAsync("Khen thưởng hằng năm");
        await Expect(page.Locator("#round-year")).ToHaveValueAsync(browser.App.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GoForwardAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Sơ kết giai đoạn 1 (2023–2025)");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Gợi ý từ dữ liệu" }).ClickAsync();
        var hint = page.Locator("tr.hint-row").Filter(new() { HasText = "Lê Văn Gợi" });
        await Expect(hint).ToContainTextAsync("Gia đình học tập 2 năm liền (2024–2025)");
        await Expect(hint).ToContainTextAsync("Giấy khen của Chủ tịch UBND xã");
        await hint.GetByRole(AriaRole.Button, new() { Name = "Đề nghị khen thưởng Lê Văn Gợi" }).ClickAsync();
        await Expect(page.Locator("#proposal-achievements")).ToHaveValueAsync("Đạt danh hiệu “Gia đình học tập” 2 năm liền (2024–2025).");
        await page.ClickAsync("#proposal-save");

        var row = page.Locator("tr.proposal").Filter(new() { HasText = "Lê Văn Gợi" });
        await Expect(row.Locator(".proposal-status")).ToHaveTextAsync("Chờ Hội đồng xét");
        await row.GetByRole(AriaRole.Button, new() { Name = "Hội đồng đồng ý Lê Văn Gợi" }).ClickAsync();
        await Expect(row.Locator(".proposal-status")).ToHaveTextAsync("Hội đồng đồng ý");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Quyết định và hồ sơ" }).ClickAsync();
        await Expect(page.Locator("#documents-summary")).ToContainTextAsync("Hội đồng đã đồng ý 1 Giấy khen");
        await page.FillAsync("#council-meeting", "Biên bản họp số 05/BB-HĐTĐKT ngày 10/12/2025");
        await page.FillAsync("#award-decision-number", "215");
        await page.GetByLabel("Ngày ký quyết định").FillAsync("20/12/2025");
        await page.GetByLabel("Ngày ký quyết định").PressAsync("Tab");
        await page.FillAsync("#award-signer", "Trịnh Đình Long");
        await page.ClickAsync("#save-documents");
        await Expect(page.GetByText("Đã lưu thông tin quyết định và tờ trình.")).ToBeVisibleAsync();
        // Nothing to download until the decision is issued; issuing asks first, then locks the list.
        await Expect(page.Locator("#download-award-decision")).ToBeDisabledAsync();
        await page.ClickAsync("#issue-award-decision");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Ban hành Quyết định số 215/QĐ-UBND ngày 20/12/2025 do Trịnh Đình Long ký?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
        await Expect(page.Locator("#round-locked")).ToContainTextAsync("Đã ban hành Quyết định số 215/QĐ-UBND ngày 20/12/2025 (người ký: Trịnh Đình Long)");
        await Expect(page.Locator("#issue-award-decision")).ToHaveCountAsync(0);
        await Expect(page.Locator("#award-decision-number")).Not.ToBeEditableAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-award-decision"));
        Assert.Equal("quyet-dinh-khen-thuong-215-qd-ubnd-2025.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"hoctap-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document));
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Số: 215/QĐ-UBND", text);
            Assert.Contains("Gia đình ông/bà Lê Văn Gợi", text);
            Assert.Contains("Trịnh Đình Long", text);
        }
        finally
        {
            File.Delete(path);
        }

        // The list is locked on the page: no review, edit or new proposal.
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Danh sách đề nghị") }).ClickAsync();
        await Expect(page.Locator("tr.proposal").Filter(new() { HasText = "Lê Văn Gợi" })).ToBeVisibleAsync();
        await Expect(page.Locator("#add-proposal")).ToHaveCountAsync(0);
        await Expect(page.Locator("tr.proposal button.refuse")).ToHaveCountAsync(0);

        // The awardee's page shows the award with the issued decision.
        await page.GotoAsync($"{browser.BaseUrl}/ho-gia-dinh/{householdId}");
        await Expect(page.Locator("#subject-awards .subject-award")).ToContainTextAsync("Quyết định số 215/QĐ-UBND ngày 20/12/2025");
    }
}
