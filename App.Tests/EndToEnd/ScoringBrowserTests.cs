using System.Text.RegularExpressions;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

public sealed class ScoringBrowserFixture : BrowserFixture
{
    public ScoringBrowserFixture() => App.Settings["Scoring:RegistrationCloses"] = "31/12";

    public async Task<int> RegisteredHouseholdAsync(string head)
    {
        var householdId = await App.AddHouseholdAsync("T01", head);
        await using var scope = await App.AsUserAsync("canbo@camtan.vn");
        await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, App.Today.Year, [householdId]);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Registration>().Where(r => r.SubjectId == householdId && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
    }

    // The evaluation as stored, once the page's save (which runs after the browser moved on) has landed.
    public async Task<ScoringSheet> SavedAsync(int registrationId, Func<StoredAnswers, bool> landed)
    {
        await using var scope = await App.AsUserAsync("admin@camtan.vn");
        var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var sheet = await evaluations.OpenAsync(registrationId);
            if (landed(sheet.Answers) || DateTime.UtcNow > deadline)
            {
                return sheet;
            }
            await Task.Delay(100);
        }
    }
}

[Collection(AppCollection.Name)]
public sealed class ScoringBrowserTests(ScoringBrowserFixture browser) : IClassFixture<ScoringBrowserFixture>
{
    private static ILocator Row(IPage page, string code) => page.Locator($".score-row[data-item='{code}']");

    // The whole autumn in one test: register, score with the keyboard only, submit, review, issue the decision, download.
    [Fact]
    public async Task Household_is_registered_scored_by_keyboard_reviewed_recognised_and_its_documents_downloaded()
    {
        await browser.App.AddHouseholdAsync("T01", "Tạ Văn Phím");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký, chấm điểm" }).ClickAsync();
        await page.ClickAsync("#register-subjects");
        await page.Locator(".mud-checkbox", new() { HasText = "Hộ Tạ Văn Phím" }).Locator("input").CheckAsync();
        await Expect(page.Locator("#register-save")).ToContainTextAsync("Đăng ký 1 đối tượng");
        await page.ClickAsync("#register-save");
        await Expect(page.GetByText("Đã đăng ký 1 đối tượng.")).ToBeVisibleAsync();
        await page.Locator("#register-search").FillAsync("ta van phim");
        await page.GetByText("Hộ Tạ Văn Phím").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cham-diem/[0-9]+$"));
        var registrationId = int.Parse(page.Url.Split('/')[^1]);

        // 1.1 is met/not met: Space selects "Đạt", Enter goes on; points are typed and Enter goes on.
        await Row(page, "1.1").Locator("input[type=radio]").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        var scores = new[] { "9", "8,5", "9", "8", "9", "5", "4", "4", "4,5", "8", "4", "5" };
        foreach (var score in scores)
        {
            await page.Keyboard.TypeAsync(score);
            await page.Keyboard.PressAsync("Enter");
        }
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Đã lưu lúc");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("88/100");
        await Expect(page.Locator("#score-verdict")).ToContainTextAsync("Đạt tiêu chí");
        await Expect(page.Locator("#submit-evaluation")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#evaluation-status")).ToHaveTextAsync("Đã chấm");

        var committee = await browser.NewPageAsync();
        await browser.SignInAsync(committee, "bcd@camtan.vn", AppFactory.DemoPassword);
        await committee.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Expect(committee.Locator("#score-total")).ToHaveTextAsync("88/100");
        await committee.ClickAsync("#review-evaluation");
        await Expect(committee.Locator("#evaluation-status")).ToHaveTextAsync("Đã duyệt");

        int evaluationId;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            evaluationId = await db.Set<Evaluation>().Where(e => e.RegistrationId == registrationId).Select(e => e.Id).SingleAsync();
        }
        await committee.GetByRole(AriaRole.Link, new() { Name = "Quyết định công nhận" }).ClickAsync();
        await committee.ClickAsync("#new-decision");
        await committee.Locator($"tr.candidate[data-evaluation='{evaluationId}'] input[type=checkbox]").CheckAsync();
        await committee.FillAsync("#decision-number", "7");
        await committee.FillAsync("#decision-signer", "Trịnh Văn Chủ");
        await committee.ClickAsync("#issue-decision");
        await committee.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
        await Expect(committee.Locator("#decision-subjects")).ToContainTextAsync("Tạ Văn Phím");

        var docx = await committee.RunAndWaitForDownloadAsync(() => committee.ClickAsync("#download-docx"));
        var docxPath = Path.Combine(Path.GetTempPath(), $"hoctap-{Guid.NewGuid():N}.docx");
        await docx.SaveAsAsync(docxPath);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxPath, false))
        {
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
            Assert.Contains("Tạ Văn Phím", document.MainDocumentPart!.Document!.Body!.InnerText);
        }
        var pdf = await committee.RunAndWaitForDownloadAsync(() => committee.ClickAsync("#download-pdf"));
        var pdfPath = Path.Combine(Path.GetTempPath(), $"hoctap-{Guid.NewGuid():N}.pdf");
        await pdf.SaveAsAsync(pdfPath);
        using (var certificates = PdfSharp.Pdf.IO.PdfReader.Open(pdfPath, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            Assert.Equal(1, certificates.PageCount);
        }
        File.Delete(docxPath);
        File.Delete(pdfPath);

        await committee.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Expect(committee.Locator("#evaluation-status")).ToHaveTextAsync("Công nhận");
    }

    [Fact]
    public async Task Closing_the_browser_mid_scoring_loses_nothing_already_entered()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Đóng");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Row(page, "1.2").Locator("input").First.FillAsync("7,5");
        await page.Keyboard.PressAsync("Enter");
        await Row(page, "1.3").Locator("input").First.FillAsync("6");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Đã lưu lúc");
        await Row(page, "2.1").Locator("input").First.FillAsync("3");
        await page.Context.CloseAsync();

        var again = await browser.NewPageAsync();
        await browser.SignInAsync(again, "canbo@camtan.vn", AppFactory.DemoPassword);
        await again.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Expect(Row(again, "1.2").Locator("input").First).ToHaveValueAsync("7,5");
        await Expect(Row(again, "1.3").Locator("input").First).ToHaveValueAsync("6");
        await Expect(again.Locator("#score-total")).ToHaveTextAsync("13,5/100");
    }

    [Fact]
    public async Task An_out_of_range_score_shows_a_Vietnamese_message_and_is_not_saved()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Quá");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Row(page, "1.2").Locator("input").First.FillAsync("7,3");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Row(page, "1.2").Locator(".item-error")).ToHaveTextAsync("Tiêu chí 1.2: điểm 7,3 không đúng bước 0,5 (chọn 7 hoặc 7,5); tiêu chí này vẫn chưa có điểm.");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("0/100");
        await Expect(Row(page, "1.2").Locator("input").First).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_score_typed_with_a_dot_or_a_comma_is_saved_as_two_and_a_half()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Chấm Phẩy");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Expect(Row(page, "1.2").Locator(".mud-input-helper-text")).ToHaveTextAsync("0–10, bước 0,5");

        await Row(page, "1.2").Locator("input").First.FillAsync("2.5");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("2,5/100"); // counted while typing, before leaving the field
        await page.Keyboard.PressAsync("Enter");
        await Expect(Row(page, "1.3").Locator("input").First).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("2,5");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#score-total")).ToHaveTextAsync("5/100");
        await Expect(Row(page, "1.2").Locator("input").First).ToHaveValueAsync("2,5");
        await Expect(Row(page, "1.3").Locator("input").First).ToHaveValueAsync("2,5");
        var saved = await browser.SavedAsync(registrationId, answers => answers.Items.GetValueOrDefault("1.3")?.ScoreTenths is not null);
        Assert.Equal(25, saved.Answers.Items["1.2"].ScoreTenths);
        Assert.Equal(25, saved.Answers.Items["1.3"].ScoreTenths);
        Assert.Contains(saved.History, h => h.What == "Điểm tiêu chí 1.2" && h.Old == "(trống)" && h.New == "2,5");
        Assert.Contains(saved.History, h => h.What == "Điểm tiêu chí 1.3" && h.Old == "(trống)" && h.New == "2,5");
    }

    [Fact]
    public async Task Text_that_is_not_a_number_is_refused_in_Vietnamese_and_the_saved_value_stays()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Chữ");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        var field = Row(page, "1.2").Locator("input").First;
        await field.FillAsync("6");
        await page.Keyboard.PressAsync("Enter");
        await browser.SavedAsync(registrationId, answers => answers.Items.GetValueOrDefault("1.2")?.ScoreTenths == 60);

        await field.FillAsync("abc");
        await Expect(Row(page, "1.2").Locator(".item-error")).ToHaveTextAsync("Tiêu chí 1.2: “abc” không phải là số; giữ nguyên giá trị đã lưu 6.");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("6/100");
        await page.Keyboard.PressAsync("Tab");

        await Expect(field).ToHaveValueAsync("6");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(Row(page, "1.2").Locator(".item-error")).ToContainTextAsync("giữ nguyên giá trị đã lưu 6");
        await Expect(page.GetByText("Not a valid number")).ToHaveCountAsync(0);
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("6/100");
        await page.ReloadAsync();
        await Expect(field).ToHaveValueAsync("6");
        var saved = await browser.SavedAsync(registrationId, _ => true);
        Assert.Equal(60, saved.Answers.Items["1.2"].ScoreTenths);
        Assert.Equal(["(trống) → 6"], saved.History.Where(h => h.What == "Điểm tiêu chí 1.2").Select(h => $"{h.Old} → {h.New}"));
    }

    [Fact]
    public async Task The_scoring_page_fits_a_phone_screen()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Điện Thoại");
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Expect(Row(page, "1.2").Locator("input").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"Trang rộng hơn màn hình {overflow}px");
        var box = await Row(page, "1.2").Locator("input").First.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "hoctap-phone.png") });
    }
}
