using Bunit;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Scoring.Rules;
using HocTapSuotDoi.Tests.Features.Criteria.Engine;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// The parts of the scoring sheet that need no database: summary bar, banner, history, score buttons.
public sealed class ScoringComponentsTests : IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private static readonly CriteriaSetDefinition Set = Small();
    private static readonly DateTime At = new(2026, 10, 5, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_summary_bar_shows_total_verdict_gap_progress_and_only_the_allowed_actions()
    {
        var result = CriteriaEvaluator.Evaluate(Set, Answers.Empty.WithScore("1.1", P(8)).WithMet("1.2", true));
        SheetAction? acted = null;
        var bar = _ctx.Render<SummaryBar>(p => p
            .Add(x => x.Result, result).Add(x => x.Status, EvaluationStatus.Draft).Add(x => x.Verdict, SheetSummary.Verdict(EvaluationStatus.Draft, result))
            .Add(x => x.Progress, SheetSummary.Progress(result)).Add(x => x.Actions, ScoringWorkflow.Available(EvaluationStatus.Draft, new SheetActor(true, false)))
            .Add(x => x.Act, a => acted = a));

        Assert.Equal("18/30", bar.Find("#score-total").TextContent);
        Assert.Equal("Chưa chấm xong", bar.Find("#score-verdict").TextContent);
        Assert.Equal("Còn thiếu 2 điểm (ngưỡng công nhận 20)", bar.Find("#bar-gap").TextContent);
        Assert.Equal("2/3 tiêu chí", bar.Find("#sheet-progress").TextContent);
        Assert.Equal("Nộp", bar.Find("#submit-evaluation").TextContent.Trim());
        Assert.Empty(bar.FindAll("#review-evaluation, #return-evaluation, #reopen-evaluation"));
        bar.Find("#submit-evaluation").Click();
        Assert.Equal(SheetAction.Submit, acted);
    }

    [Fact]
    public void The_committee_sees_review_and_return_on_a_submitted_sheet_and_no_gap_once_decided()
    {
        var result = CriteriaEvaluator.Evaluate(Set, TestAnswers.Full(Set));
        var bar = _ctx.Render<SummaryBar>(p => p
            .Add(x => x.Result, result).Add(x => x.Status, EvaluationStatus.Submitted).Add(x => x.Progress, SheetSummary.Progress(result))
            .Add(x => x.Actions, ScoringWorkflow.Available(EvaluationStatus.Submitted, new SheetActor(false, true))));

        Assert.Equal(["review-evaluation", "return-evaluation"], bar.FindAll(".summary-actions button").Select(b => b.Id));
        Assert.Equal("3/3 tiêu chí", bar.Find("#sheet-progress").TextContent);
    }

    [Fact]
    public void A_returned_sheet_banner_names_who_returned_it_and_why()
    {
        var change = new StatusChange(SheetAction.Return, EvaluationStatus.Submitted, EvaluationStatus.Draft, "Thiếu minh chứng tiêu chí 2.1", "bcd@camtan.vn", At);
        var banner = _ctx.Render<StatusBanner>(p => p.Add(x => x.Change, change).Add(x => x.NameOf, by => by == "bcd@camtan.vn" ? "Trịnh Văn Chủ" : by));

        Assert.Equal("Hồ sơ bị trả lại cho người chấm: Trịnh Văn Chủ lúc 05/10/2026 10:00.", banner.Find(".status-banner-what").TextContent);
        Assert.Equal("Thiếu minh chứng tiêu chí 2.1", banner.Find(".status-banner-reason").TextContent);
        Assert.Contains("mud-alert-text-warning", banner.Find("#status-banner").ClassName);
    }

    [Fact]
    public void No_banner_before_the_first_status_change_and_a_plain_one_after_a_submission()
    {
        Assert.Empty(_ctx.Render<StatusBanner>().FindAll("#status-banner"));

        var banner = _ctx.Render<StatusBanner>(p => p.Add(x => x.Change, new StatusChange(SheetAction.Submit, EvaluationStatus.Draft, EvaluationStatus.Submitted, "", "canbo@camtan.vn", At)));
        Assert.Equal("Hồ sơ đã nộp: canbo@camtan.vn lúc 05/10/2026 10:00.", banner.Find("#status-banner").TextContent.Trim());
    }

    [Fact]
    public void The_history_shows_names_not_e_mails()
    {
        EvaluationAudit[] history = [new() { What = "Điểm tiêu chí 1.1", Old = "(trống)", New = "7", By = "canbo@camtan.vn", AtUtc = At }];
        var names = new Dictionary<string, string> { ["canbo@camtan.vn"] = "Lê Thị Cán Bộ" };
        var panel = _ctx.Render<SheetHistory>(p => p.Add(x => x.History, history).Add(x => x.NameOf, by => names.GetValueOrDefault(by) ?? by));

        Assert.Contains("Lịch sử (1)", panel.Markup);
        panel.Find(".mud-expand-panel-header").Click();
        Assert.Equal("05/10/2026 10:00 · Lê Thị Cán Bộ · Điểm tiêu chí 1.1: (trống) → 7", panel.WaitForElement(".history-line").TextContent);
        Assert.DoesNotContain("canbo@camtan.vn", panel.Markup);
    }

    [Fact]
    public async Task Minus_and_plus_save_the_next_step_and_a_small_item_offers_its_scores_as_buttons()
    {
        (string Text, ScoreReading Reading)? left = null;
        var field = _ctx.Render<ScoreField>(p => p.Add(x => x.Item, Scored("1.1", 10)).Add(x => x.Saved, new StoredAnswer(60))
            .Add(x => x.Left, e => left = e));
        Assert.Equal(2, field.FindAll("button.score-step").Count);
        Assert.Empty(field.FindAll("button.score-choice"));

        await field.FindAll("button.score-step")[1].ClickAsync(new MouseEventArgs());
        Assert.Equal(("6,5", 65), (left!.Value.Text, left.Value.Reading.Tenths));
        await field.Find("input").InputAsync(new ChangeEventArgs { Value = "7" });
        await field.FindAll("button.score-step")[0].ClickAsync(new MouseEventArgs());
        Assert.Equal(("6,5", 65), (left.Value.Text, left.Value.Reading.Tenths));

        var small = _ctx.Render<ScoreField>(p => p.Add(x => x.Item, Scored("4.1", 3, 1)).Add(x => x.Saved, new StoredAnswer(20)).Add(x => x.Left, e => left = e));
        Assert.Equal(["0", "1", "2", "3"], small.FindAll("button.score-choice").Select(b => b.TextContent.Trim()));
        Assert.Equal("true", small.FindAll("button.score-choice")[2].GetAttribute("aria-pressed"));
        Assert.Empty(small.FindAll("button.score-step"));
        await small.FindAll("button.score-choice")[3].ClickAsync(new MouseEventArgs());
        Assert.Equal(30, left.Value.Reading.Tenths);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
