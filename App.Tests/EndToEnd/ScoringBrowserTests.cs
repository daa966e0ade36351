using System.Text.RegularExpressions;
using System.Threading.Channels;
using Deque.AxeCore.Playwright;
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

    // A sheet scored in full and submitted by the village's scorer, as the committee finds it.
    public async Task<int> SubmittedByScorerAsync(string head)
    {
        var registrationId = await RegisteredHouseholdAsync(head);
        await using var scope = await App.AsUserAsync("canbo@camtan.vn");
        var service = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await service.OpenAsync(registrationId);
        var version = sheet.Version;
        foreach (var item in sheet.Set.Items.Where(i => i.Kind != ItemKind.Computed))
        {
            var answer = item.Kind == ItemKind.Points ? new StoredAnswer(ScoreTenths: item.Max.Tenths) : new StoredAnswer(Met: true);
            version = await service.SaveAnswerAsync(sheet.EvaluationId, version, item.Code, answer);
        }
        await service.SubmitAsync(sheet.EvaluationId, version);
        return registrationId;
    }

    public async Task<IPage> PhoneAsync()
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    public async Task<IPage> DesktopAsync()
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    // A slow link: every message of the app's Blazor connection reaches the page `delay` later, in order; the page's
    // own messages go at once. Playwright stands between the page and the app.
    public static Task DelayServerMessagesAsync(IPage page, TimeSpan delay) =>
        page.RouteWebSocketAsync(url => url.Contains("/_blazor", StringComparison.Ordinal), route =>
        {
            var server = route.ConnectToServer();
            route.OnMessage(frame => Pass(server, frame));
            var toPage = Channel.CreateUnbounded<(DateTime Due, IWebSocketFrame Frame)>();
            server.OnMessage(frame => toPage.Writer.TryWrite((DateTime.UtcNow + delay, frame)));
            _ = Task.Run(async () =>
            {
                await foreach (var (due, frame) in toPage.Reader.ReadAllAsync())
                {
                    if (due > DateTime.UtcNow)
                    {
                        await Task.Delay(due - DateTime.UtcNow);
                    }
                    Pass(route, frame);
                }
            });
        });

    private static void Pass(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
        else
        {
            to.Send(frame.Text ?? "");
        }
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

[Collection(BrowserCollection.Name)]
public sealed class ScoringBrowserTests(ScoringBrowserFixture browser) : BrowserTest(browser), IClassFixture<ScoringBrowserFixture>
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
        await browser.SignInAsync(committee, "bcd@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
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
        // The sheet says who recognised it and by which decision.
        await Expect(committee.Locator("#status-banner .status-banner-what")).ToContainTextAsync("Hồ sơ được công nhận: ");
        await Expect(committee.Locator("#status-banner")).ToContainTextAsync(new Regex(@"lúc \d\d/\d\d/\d{4} \d\d:\d\d\. Theo Quyết định số 7/QĐ-UBND ngày \d\d/\d\d/\d{4} công nhận Gia đình học tập"));
        await Screens.KeepAsync(committee, "scoring-recognised");
    }

    [Fact]
    public async Task Closing_the_browser_mid_scoring_loses_nothing_already_entered()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Đóng");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
        await Row(page, "1.2").Locator("input").First.FillAsync("7,5");
        await page.Keyboard.PressAsync("Enter");
        await Row(page, "1.3").Locator("input").First.FillAsync("6");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Đã lưu lúc");
        await Row(page, "2.1").Locator("input").First.FillAsync("3");
        await page.Context.CloseAsync();

        var again = await browser.NewPageAsync();
        await browser.SignInAsync(again, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
        await Expect(Row(again, "1.2").Locator("input").First).ToHaveValueAsync("7,5");
        await Expect(Row(again, "1.3").Locator("input").First).ToHaveValueAsync("6");
        await Expect(again.Locator("#score-total")).ToHaveTextAsync("13,5/100");
    }

    [Fact]
    public async Task An_out_of_range_score_shows_a_Vietnamese_message_and_is_not_saved()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Quá");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
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
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
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
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
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
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
        await Expect(Row(page, "1.2").Locator("input").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"Trang rộng hơn màn hình {overflow}px");
        var box = await Row(page, "1.2").Locator("input").First.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390);
        await Screens.KeepAsync(page, "phone");
    }

    [Fact]
    public async Task On_a_phone_the_summary_bar_stays_visible_after_scrolling_and_touch_targets_are_large()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Cuộn");
        var page = await browser.PhoneAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
        await Row(page, "1.2").Locator(".score-step").Last.ClickAsync();
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("0,5/100");
        await Expect(page.Locator("#sheet-progress")).ToHaveTextAsync("1/13 tiêu chí");
        await Screens.KeepAsync(page, "scoring-390");

        await Row(page, "4.3").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        Assert.True(await page.EvaluateAsync<int>("window.scrollY") > 500, "the sheet scrolled");
        await Expect(page.Locator("#score-summary")).ToBeInViewportAsync();
        await Expect(page.Locator("#score-total")).ToBeInViewportAsync();
        await Expect(page.Locator("#submit-evaluation")).ToBeInViewportAsync();
        var bar = await page.Locator("#score-summary").BoundingBoxAsync();
        Assert.True(bar!.Y >= 0 && bar.Y + bar.Height <= 844 / 2, $"summary bar at {bar.Y}, {bar.Height} px high");
        await Screens.KeepAsync(page, "scoring-390-scrolled");

        foreach (var target in new[] { Row(page, "4.3").Locator(".score-step").First, Row(page, "4.3").Locator(".evidence-toggle"), page.Locator("#submit-evaluation") })
        {
            var box = await target.BoundingBoxAsync();
            Assert.True(box!.Height >= 44 && box.Width >= 44, $"touch target {box.Width}×{box.Height}");
        }
        await Expect(page.Locator("#save-next .keyboard-hint")).ToBeHiddenAsync(); // a touch screen has no Ctrl+Enter
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"Trang rộng hơn màn hình {overflow}px");
    }

    [Fact]
    public async Task On_a_desktop_the_total_follows_the_typing_and_the_bar_stays_at_the_top()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Gõ");
        var page = await browser.DesktopAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
        await Expect(page.Locator("h1")).ToBeFocusedAsync(); // a screen reader starts at the page's heading
        await Row(page, "1.2").Locator("input").First.FocusAsync();
        await page.Keyboard.TypeAsync("7");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("7/100"); // before leaving the field
        await page.Keyboard.TypeAsync(",5");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("7,5/100");
        await Expect(page.Locator("#sheet-progress")).ToHaveTextAsync("1/13 tiêu chí");
        Assert.Null((await browser.SavedAsync(registrationId, _ => true)).Answers.Items.GetValueOrDefault("1.2")); // not saved while typing
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Đã lưu lúc");
        await Expect(page.Locator("#save-next .keyboard-hint")).ToBeVisibleAsync();
        await Expect(page.Locator("#sheet-history")).ToContainTextAsync("Lịch sử (1)"); // the history follows the save
        await Screens.KeepAsync(page, "scoring-1366");
        await Row(page, "1.2").Locator(".evidence-toggle").ClickAsync();
        await Expect(Row(page, "1.2").Locator(".evidence-note input")).ToBeVisibleAsync();
        var axe = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target) + " " + n.Html))}")));

        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        await Expect(page.Locator("#score-summary")).ToBeInViewportAsync();
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("7,5/100");
    }

    // Over a slow link the page's call that puts the focus on its heading arrives after the scorer has clicked into a
    // score and typed "7": the focus jumped to the heading, ",5" went nowhere, and 7 was saved where 7,5 was typed.
    // The total 7/100 comes back after that call (the server sends in order), so ",5" is typed once the call has landed.
    [Fact]
    public async Task On_a_slow_connection_the_score_typed_while_the_page_settles_is_kept_as_typed()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Chậm");
        var page = await browser.DesktopAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await ScoringBrowserFixture.DelayServerMessagesAsync(page, TimeSpan.FromMilliseconds(400));
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        var box = Row(page, "1.2").Locator("input").First;
        await box.FocusAsync(); // as soon as the sheet shows
        await page.Keyboard.TypeAsync("7");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("7/100");
        await page.Keyboard.TypeAsync(",5");
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync("7,5");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("7,5/100");
        // Enter saves it and moves on; the next score is typed at once, while the save's answer is still on its way.
        await page.Keyboard.PressAsync("Enter");
        var next = Row(page, "1.3").Locator("input").First;
        await Expect(next).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("2,5");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("10/100");
        var saved = await browser.SavedAsync(registrationId, answers => answers.Items.GetValueOrDefault("1.3")?.ScoreTenths is not null);
        Assert.Equal((75, 25), (saved.Answers.Items["1.2"].ScoreTenths, saved.Answers.Items["1.3"].ScoreTenths));
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Đã lưu lúc");
        await Expect(box).ToHaveValueAsync("7,5");
        await Expect(next).ToHaveValueAsync("2,5");
    }

    [Fact]
    public async Task A_returned_sheet_shows_who_returned_it_and_why_live_and_the_scorer_gets_a_bell_notification()
    {
        var registrationId = await browser.SubmittedByScorerAsync("Tạ Văn Trả");
        var scorer = await browser.NewPageAsync();
        await browser.SignInAsync(scorer, "canbo@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
        await Expect(scorer.Locator("#status-banner")).ToContainTextAsync("Hồ sơ đã nộp: Nguyễn Thị Hoa");

        var committee = await browser.NewPageAsync();
        await browser.SignInAsync(committee, "bcd@camtan.vn", AppFactory.DemoPassword, $"/cham-diem/{registrationId}");
        await Expect(committee.Locator("#score-verdict")).ToHaveTextAsync("Đạt tiêu chí");
        await committee.ClickAsync("#return-evaluation");
        await committee.FillAsync("#reason-text", "Thiếu minh chứng tiêu chí 2.1");
        await committee.ClickAsync("#reason-ok");
        await Expect(committee.Locator("#evaluation-status")).ToHaveTextAsync("Nháp");
        await Expect(committee.Locator("#status-banner")).ToContainTextAsync("Hồ sơ bị trả lại cho người chấm: Lê Văn Bình");

        // The scorer's open page hears of it without a reload: the banner and the history, with names.
        await Expect(scorer.Locator("#status-banner")).ToContainTextAsync("Hồ sơ bị trả lại cho người chấm: Lê Văn Bình");
        await Expect(scorer.Locator("#status-banner .status-banner-reason")).ToHaveTextAsync("Thiếu minh chứng tiêu chí 2.1");
        await scorer.GetByText("Lịch sử (").ClickAsync();
        await Expect(scorer.Locator(".history-line").First).ToContainTextAsync("Lê Văn Bình · Trạng thái: Đã chấm → Nháp (lý do: Thiếu minh chứng tiêu chí 2.1)");
        await Expect(scorer.Locator("#sheet-history")).Not.ToContainTextAsync("@camtan.vn");
        await Expect(scorer.Locator("#evaluation-status")).ToHaveTextAsync("Nháp");

        await scorer.ReloadAsync();
        await Expect(scorer.Locator("#evaluation-status")).ToHaveTextAsync("Nháp");
        await Expect(scorer.Locator("#submit-evaluation")).ToBeVisibleAsync();
        await Expect(scorer.Locator("#notification-count .mud-badge")).ToBeVisibleAsync();
        await scorer.Locator("#notification-bell").ClickAsync();
        var notice = scorer.Locator(".mud-menu-item", new() { HasText = "Hộ Tạ Văn Trả" });
        await Expect(notice).ToContainTextAsync("bị trả lại");
        await notice.ClickAsync();
        await Expect(scorer).ToHaveURLAsync(new Regex($"/cham-diem/{registrationId}$"));
    }
}
