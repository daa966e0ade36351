using Bunit;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Decisions;

// The issue page rendered with the app's real services and database, as the committee member.
public sealed class IssueDecisionPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private Dictionary<string, int> _ids = [];

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "bcd@camtan.vn");
        _ctx.Render<MudPopoverProvider>();
        _dialogs = _ctx.Render<MudDialogProvider>();
    }

    // Each test works on its own working year, so the two tests share the app without seeing each other's data.
    private async Task<IRenderedComponent<IssueDecisionPage>> RenderPageAsync(int yearsAhead)
    {
        var workingYear = _services.GetRequiredService<WorkingYear>();
        workingYear.Set(workingYear.Year + yearsAhead);
        _ids = await app.AddEvaluationsAsync(Title.FamilyLearning, workingYear.Year,
            new("Nguyễn Văn An", "T01", 900), new("Trần Thị Bình", "T01", 850), new("Lê Văn Cường", "T02", 880),
            new("Phạm Văn Dũng", "T02", 600, Meets: false));
        var page = _ctx.Render<IssueDecisionPage>();
        // Step 1 lists only what meets the criteria, every one ticked; the sheet below the criteria is counted apart.
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.candidate").Count));
        page.WaitForAssertion(() => Assert.Contains("Đã chọn 3 / 3 hồ sơ đạt", page.Find("#selected-count").TextContent));
        Assert.Contains("1 hồ sơ đã duyệt chưa đạt tiêu chí", page.Find("#not-meeting").TextContent);
        return page;
    }

    private static Task TickAsync(IRenderedComponent<IssueDecisionPage> page, int evaluationId) =>
        page.ChangeOnRendererAsync($"tr.candidate[data-evaluation='{evaluationId}'] input[type=checkbox]", true);

    [Fact]
    public async Task The_committee_sees_that_the_set_of_the_evaluations_is_not_yet_checked()
    {
        var page = await RenderPageAsync(2);
        var notice = page.Find(".set-check");
        Assert.Equal("false", notice.GetAttribute("data-checked"));
        Assert.Contains("Gia đình học tập – QĐ 448/QĐ-KHVN (2015)", notice.TextContent);
        Assert.Contains("Chưa đối chiếu", notice.QuerySelector(".unchecked-chip")!.TextContent);
        Assert.Contains("Tiêu chí chưa đối chiếu: 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3.", notice.TextContent);
    }

    [Fact]
    public async Task Issuing_without_subjects_or_number_shows_Vietnamese_messages_and_changes_nothing()
    {
        var page = await RenderPageAsync(1);
        Assert.Empty(page.FindAll($"tr.candidate[data-evaluation='{_ids["Phạm Văn Dũng"]}']"));
        Assert.Equal(["Thôn Tân Hòa · 2 hồ sơ đạt", "Thôn Tân Thành · 1 hồ sơ đạt"], page.FindAll("tr.village-group").Select(r => r.TextContent.Trim()));
        Assert.Contains("Căn cứ Quyết định số 1315/QĐ-TTg", page.Find("#decision-bases").GetAttribute("value") ?? page.Find("#decision-bases").TextContent);

        await page.ClickOnRendererAsync("#clear-selection");
        await page.InputOnRendererAsync("#decision-number", "");
        await page.InputOnRendererAsync("#decision-signer", "");
        await page.ClickOnRendererAsync("#issue-decision");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Hãy chọn ít nhất một đối tượng được công nhận.", page.Find("#decision-errors").TextContent);
            Assert.Contains("Hãy nhập số quyết định.", page.Markup);
            Assert.Contains("Hãy nhập họ và tên người ký.", page.Markup);
        });
        Assert.Empty(_dialogs.FindAll(".mud-dialog"));
        Assert.Equal(EvaluationStatus.Reviewed, await app.StatusAsync(_ids["Nguyễn Văn An"]));
    }

    [Fact]
    public async Task Committee_filters_by_village_chooses_subjects_and_issues_the_decision()
    {
        var page = await RenderPageAsync(0);
        var villageFilter = page.FindComponent<MudSelect<int?>>();
        var t01 = await app.VillageIdAsync("T01");
        await page.ClickOnRendererAsync("#clear-selection");
        await page.InvokeAsync(() => villageFilter.Instance.ValueChanged.InvokeAsync(t01));
        page.WaitForAssertion(() => Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình"],
            page.FindAll("tr.candidate").Select(r => r.Children[1].TextContent)));

        await page.ClickOnRendererAsync("#select-all");
        page.WaitForAssertion(() => Assert.Contains("Đã chọn 2 / 3 hồ sơ đạt", page.Find("#selected-count").TextContent));
        await page.InvokeAsync(() => villageFilter.Instance.ValueChanged.InvokeAsync(null));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.candidate").Count));
        await TickAsync(page, _ids["Lê Văn Cường"]);
        page.WaitForAssertion(() => Assert.Contains("Đã chọn 3 / 3 hồ sơ đạt", page.Find("#selected-count").TextContent));

        // The next number of the year's register is suggested, and the preview reads what will be issued.
        Assert.Matches(@"^\d+$", page.Find("#decision-number").GetAttribute("value") ?? "");
        await page.InputOnRendererAsync("#decision-number", "27");
        await page.InputOnRendererAsync("#decision-signer", "Trịnh Văn Chủ");
        page.WaitForAssertion(() => Assert.Contains("Công nhận 3 gia đình đạt danh hiệu “Gia đình học tập”", page.Find("#preview-article1").TextContent));
        Assert.Contains("Trịnh Văn Chủ", page.Find("#preview-signer").TextContent);
        // The click's handler waits for the confirmation, so the click completes only after the dialog's button.
        var issuing = page.ClickOnRendererAsync("#issue-decision");
        _dialogs.WaitForAssertion(() => Assert.Contains("công nhận 3 gia đình đạt danh hiệu “Gia đình học tập”", _dialogs.Markup));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Ban hành").ClickAsync(new());
        await issuing;

        var navigation = _ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/quyet-dinh/\d+$", navigation.Uri));
        Assert.Equal(EvaluationStatus.Recognised, await app.StatusAsync(_ids["Nguyễn Văn An"]));
        Assert.Equal(EvaluationStatus.Recognised, await app.StatusAsync(_ids["Lê Văn Cường"]));
        Assert.Equal(EvaluationStatus.Reviewed, await app.StatusAsync(_ids["Phạm Văn Dũng"]));
        var detail = await _services.GetRequiredService<DecisionService>().GetAsync(int.Parse(navigation.Uri.Split('/')[^1]));
        Assert.Equal("27/QĐ-UBND", detail.FullNumber);
        Assert.Equal("Trịnh Văn Chủ", detail.SignerName);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
