using System.Diagnostics;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

public sealed class ResultsImportBrowserFixture : BrowserFixture
{
    public const int Households = 3_200;

    public ResultsImportBrowserFixture() => App.Settings["Scoring:RegistrationCloses"] = "31/12";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.AddHouseholdsAsync(await App.VillageIdAsync("T01"), Households);
    }

    public async Task<IPage> PageAsync(string email, string path)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, AcceptDownloads = true,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, AppFactory.DemoPassword, path);
        return page;
    }
}

// A village of 3.200 households from registration to a recognition decision, in the browser.
[Collection(BrowserCollection.Name)]
public sealed class ResultsImportBrowserTests(ResultsImportBrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser), IClassFixture<ResultsImportBrowserFixture>
{
    private static Task UploadAsync(IPage page, string name, MemoryStream file) =>
        page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = file.ToArray(),
        });

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    [Fact]
    public async Task A_village_is_registered_scored_from_Excel_approved_and_recognised_in_one_action_each()
    {
        int year;
        using (var scope = browser.App.Services.CreateScope())
        {
            year = scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Components.Layout.WorkingYear>().Year;
        }
        var t01 = await browser.App.VillageIdAsync("T01");
        var watch = Stopwatch.StartNew();

        // 1. The scorer registers every household of Thôn Tân Hòa in one action.
        var scorer = await browser.PageAsync("canbo@camtan.vn", "/cham-diem");
        await scorer.ClickAsync("#register-subjects");
        await Choose.OptionAsync(scorer, "#register-village", "Thôn Tân Hòa");
        await Expect(scorer.Locator("#register-all")).ToHaveTextAsync("Đăng ký tất cả 3.200 hộ");
        await scorer.ClickAsync("#register-all");
        await scorer.ClickAsync("#register-all-confirm");
        await Expect(scorer.GetByText("Đã đăng ký 3.200 đối tượng.")).ToBeVisibleAsync();
        output.WriteLine($"Đăng ký 3.200 hộ: {watch.ElapsedMilliseconds} ms");

        // 2. The results template of that village, downloaded from the import page.
        watch.Restart();
        await scorer.ClickAsync("#results-import");
        await Expect(scorer.Locator("h1")).ToContainTextAsync("Nhập kết quả chấm từ Excel");
        await Choose.OptionsAsync(scorer, "#results-villages", "Thôn Tân Hòa");
        var download = await scorer.RunAndWaitForDownloadAsync(() => scorer.ClickAsync("#results-template"));
        Assert.Equal($"ket-qua-gia-dinh-hoc-tap-{year}.xlsx", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        var template = new MemoryStream();
        await stream.CopyToAsync(template);
        var headers = ResultsFiles.Headers(template.ToArray());
        var rows = ResultsFiles.Read(template.ToArray());
        Assert.Equal(ResultsImportBrowserFixture.Households, rows.Count);
        output.WriteLine($"Tải tệp mẫu 3.200 dòng: {watch.ElapsedMilliseconds} ms");

        // 3. Filled with one bad row: refused with that row's message, nothing written.
        rows.ForEach(r => ResultsFiles.Score(r, headers));
        var bad = rows[15];
        bad[ResultsFiles.Item(headers, "1.2")] = "12";
        watch.Restart();
        await UploadAsync(scorer, "ket-qua-tan-hoa.xlsx", ResultsFiles.Write(headers, rows));
        await Expect(scorer.Locator("#results-errors-summary")).ToContainTextAsync("Tệp ket-qua-tan-hoa.xlsx có 1 lỗi trong 3.200 dòng. Chưa ghi gì");
        await Expect(scorer.Locator("#results-errors")).ToContainTextAsync($"Dòng 17, hộ {((string)bad["Đối tượng"]!)[3..]}, tiêu chí 1.2: điểm 12 vượt quá tối đa 10.");
        await Expect(scorer.Locator("#results-write")).ToHaveCountAsync(0);
        output.WriteLine($"Kiểm tra tệp có lỗi: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(0, await DbAsync(db => db.Set<Evaluation>().CountAsync(e => e.Registration!.VillageId == t01)));

        // 4. Fixed and uploaded again: written as "Đã chấm", each value audited with the file and row.
        bad[ResultsFiles.Item(headers, "1.2")] = "10";
        watch.Restart();
        await UploadAsync(scorer, "ket-qua-tan-hoa-da-sua.xlsx", ResultsFiles.Write(headers, rows));
        await Expect(scorer.Locator("#results-preview")).ToContainTextAsync("3.200 dòng: 3.200 hồ sơ sẽ ghi, 0 không đổi");
        output.WriteLine($"Kiểm tra tệp đúng: {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        await scorer.ClickAsync("#results-write");
        await Expect(scorer.Locator("#results-done")).ToContainTextAsync("Đã ghi 3.200 hồ sơ (trạng thái \"Đã chấm\"), 41.600 thay đổi được ghi lịch sử.");
        output.WriteLine($"Ghi 3.200 hồ sơ: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(3_200, await DbAsync(db => db.Set<Evaluation>().CountAsync(e => e.Registration!.VillageId == t01 && e.Status == EvaluationStatus.Submitted && e.MeetsCriteria)));
        Assert.Equal(3_200 * 14, await DbAsync(db => db.Set<EvaluationAudit>().CountAsync(a => a.Reason.StartsWith("nhập từ tệp ket-qua-tan-hoa-da-sua.xlsx, dòng ") && a.By == "canbo@camtan.vn")));
        Assert.Equal(1, await DbAsync(db => db.Set<EvaluationAudit>().CountAsync(a => a.Reason == "nhập từ tệp ket-qua-tan-hoa-da-sua.xlsx, dòng 17" && a.What == "Điểm tiêu chí 1.2" && a.New == "10")));

        // 5. The committee approves the 3.200 sheets in one action.
        var committee = await browser.PageAsync("bcd@camtan.vn", "/cham-diem");
        await committee.ClickAsync("#bulk-review");
        await Expect(committee.Locator("#bulk-apply")).ToHaveTextAsync("Duyệt 3.200 hồ sơ");
        await committee.Locator("#bulk-reason").FillAsync("Hội đồng xét duyệt họp ngày 05/12");
        await committee.ClickAsync("#bulk-apply");
        await Expect(committee.Locator("#bulk-result")).ToHaveTextAsync("Đã duyệt 3.200 hồ sơ.");

        // 6. One decision recognises all of them.
        watch.Restart();
        await committee.GotoAsync(browser.BaseUrl + "/quyet-dinh/moi");
        await committee.ClickAsync("#select-all");
        await Expect(committee.Locator("#selected-count")).ToContainTextAsync("Đã chọn 3.200 / 3.200 hồ sơ đạt");
        await committee.FillAsync("#decision-number", "112");
        await committee.FillAsync("#decision-signer", "Trịnh Văn Chủ");
        await committee.ClickAsync("#issue-decision");
        await committee.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
        // Issuing recognises 3.200 sheets and scores the dependent sheets again: give a busy 2-core machine time.
        await Expect(committee.Locator("h1")).ToContainTextAsync("Quyết định số 112/QĐ-UBND", new() { Timeout = 120_000 });
        output.WriteLine($"Quyết định công nhận 3.200 hộ: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(3_200, await DbAsync(db => db.Set<Evaluation>().CountAsync(e => e.Registration!.VillageId == t01 && e.Status == EvaluationStatus.Recognised)));
    }
}
