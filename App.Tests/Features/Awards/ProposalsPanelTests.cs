using Bunit;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Awards;

// The round's page as the council uses it, with the app's real services and database.
public sealed class ProposalsPanelTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_proposal_changed_since_the_page_loaded_is_not_answered_and_the_list_reloads()
    {
        var household = await app.AddRecognisedHouseholdAsync("Đinh Văn Đổi", "T02", 2025);
        var roundId = await app.RoundAsync(AwardRoundKind.Yearly, 2025);
        var awards = (await _ctx.SignInAsync(app, "bcd@camtan.vn")).GetRequiredService<AwardService>();
        var form = new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = household, Form = AwardForm.CommuneCertificate, Achievements = "Gia đình học tập năm 2025.",
        };
        form.Id = await awards.SaveProposalAsync(form);
        _ctx.RenderDialogs();
        _ctx.Render<MudSnackbarProvider>();
        var page = _ctx.Render<AwardRoundPage>(p => p.Add(x => x.Id, roundId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.proposal")));

        // Another committee member changes the proposal after the page loaded it.
        form.Version = await app.ProposalVersionAsync(form.Id);
        form.Achievements = "Gia đình học tập năm 2025; tủ sách cho cả xóm.";
        await awards.SaveProposalAsync(form);

        await page.ClickOnRendererAsync("tr.proposal button.approve");
        page.WaitForAssertion(() => Assert.Equal(
            "Đề nghị khen thưởng này vừa được người khác sửa trong lúc bạn đang sửa. Dữ liệu của bạn chưa được lưu: hãy tải lại để xem bản mới rồi sửa lại.",
            page.Find("#proposals-error").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Contains("tủ sách cho cả xóm", page.Find("tr.proposal").TextContent));
        Assert.Equal(AwardTexts.Status(AwardProposalStatus.Proposed), page.Find("tr.proposal .proposal-status").TextContent.Trim());

        // The reloaded row carries the new version: the council's answer now goes through.
        await page.ClickOnRendererAsync("tr.proposal button.approve");
        page.WaitForAssertion(() => Assert.Equal(AwardTexts.Status(AwardProposalStatus.Approved), page.Find("tr.proposal .proposal-status").TextContent.Trim()));
        Assert.Empty(page.FindAll("#proposals-error"));
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
