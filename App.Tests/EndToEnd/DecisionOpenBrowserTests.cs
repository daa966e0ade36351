using System.Diagnostics;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The decision page at the demo commune's size: 2.000 reviewed Gia đình học tập sheets in two villages, 1.900 meeting
// the criteria.
public sealed class DecisionOpenFixture : BrowserFixture
{
    public const int Sheets = 2_000;
    public int Year { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using (var scope = App.Services.CreateScope())
        {
            Year = scope.ServiceProvider.GetRequiredService<WorkingYear>().Year;
        }
        var households = (await App.AddHouseholdsAsync(await App.VillageIdAsync("T01"), 1_200))
            .Concat(await App.AddHouseholdsAsync(await App.VillageIdAsync("T02"), Sheets - 1_200)).ToList();
        await App.AddSheetsAsync(Year, households.Select((id, i) => (id, EvaluationStatus.Reviewed, i % 20 != 0, i % 20 != 0 ? 880 : 600)).ToList());
    }
}

[Collection(BrowserCollection.Name)]
public sealed class DecisionOpenBrowserTests(DecisionOpenFixture browser, ITestOutputHelper output) : BrowserTest(browser), IClassFixture<DecisionOpenFixture>
{
    // Ready: the first page of candidates ticked, the count of all that meet the criteria, and the issue button usable
    // (there is no prerender: what is on screen is the circuit's, so it answers clicks).
    private const string Ready = """
        () => {
            const count = document.querySelector('#selected-count');
            const issue = document.querySelector('#issue-decision');
            return count && count.textContent.includes('Đã chọn 1.900 / 1.900') && issue && !issue.disabled
                && document.querySelector('tr.candidate input[type=checkbox]:checked') ? Math.round(performance.now()) : null;
        }
        """;

    // From the start of the navigation (performance.now() counts from it) to ready, checked on every animation frame.
    // The first open warms the server up (JIT, SQLite page cache); the best of four later opens is the figure, as
    // the machine is shared with other work.
    [Fact]
    public async Task The_decision_page_opens_with_every_candidate_meeting_the_criteria_ticked_and_usable()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "bcd@camtan.vn", AppFactory.DemoPassword);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        var times = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync(browser.BaseUrl + "/quyet-dinh/moi", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
            times.Add(await (await page.WaitForFunctionAsync(Ready)).JsonValueAsync<int>());
        }
        var list = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync(browser.BaseUrl + "/quyet-dinh", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
            list.Add(await (await page.WaitForFunctionAsync("() => document.querySelector('#new-decision') ? Math.round(performance.now()) : null")).JsonValueAsync<int>());
        }
        output.WriteLine($"Mở trang quyết định ({DecisionOpenFixture.Sheets:N0} hồ sơ đã duyệt): {string.Join(", ", times)} ms; "
            + $"trang danh sách quyết định (để so sánh): {string.Join(", ", list)} ms");
        // The times are printed, not asserted: speed is measured by the benchmarks (a timed test fails on a busy machine).

        // Still the whole flow: 50 rows of the first village, another village one click away.
        await page.GotoAsync(browser.BaseUrl + "/quyet-dinh/moi");
        await Expect(page.Locator("tr.candidate")).ToHaveCountAsync(50);
        await Expect(page.Locator("tr.village-group")).ToHaveCountAsync(1);
        await Choose.OptionAsync(page, page.Locator(".mud-select", new() { Has = page.Locator("#candidate-village") }).Last, "Thôn Tân Thành (760/800 đạt)");
        await Expect(page.Locator("tr.village-group")).ToContainTextAsync("Thôn Tân Thành · 760 hồ sơ đạt");
    }

    // What the server does when the page opens, as the page does it (the form's defaults and the sets beside the
    // candidates' counts, first page and ticked ids), in SQL counts and one page: well under the page's budget.
    [Fact]
    public async Task Opening_the_page_reads_counts_the_ticked_ids_and_one_page_of_candidates()
    {
        await using var scope = await browser.App.AsUserAsync("bcd@camtan.vn");
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        async Task<int> OpenAsync()
        {
            var form = decisions.NewFormAsync(Title.FamilyLearning, browser.Year);
            var sets = decisions.SetsForAsync(Title.FamilyLearning, browser.Year);
            var groups = decisions.CandidateGroupsAsync(Title.FamilyLearning, browser.Year);
            var meeting = decisions.MeetingIdsAsync(Title.FamilyLearning, browser.Year, null);
            var first = decisions.CandidatePageAsync(Title.FamilyLearning, browser.Year, null, new PageRequest(0, 50), meetingOnly: true);
            await Task.WhenAll(form, sets, groups, meeting, first);
            Assert.Equal(1_900, (await meeting).Count);
            Assert.Equal(50, (await first).Items.Count);
            return (await groups).Sum(g => g.Meeting);
        }
        Assert.Equal(1_900, await OpenAsync());
        var times = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await OpenAsync();
            times.Add(watch.ElapsedMilliseconds);
        }
        output.WriteLine($"Truy vấn khi mở trang quyết định: {string.Join(", ", times)} ms");
    }
}
