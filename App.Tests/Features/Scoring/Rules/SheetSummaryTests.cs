using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Scoring.Rules;
using HocTapSuotDoi.Tests.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Scoring.Rules;

/// <summary>The summary bar's progress and verdict, the banner's last change, and the score buttons, on small sets.</summary>
public class SheetSummaryTests
{
    private static readonly CriteriaSetDefinition Set = Small();

    [Theory]
    [InlineData("", "0/3 tiêu chí", false)]
    [InlineData("1.1", "1/3 tiêu chí", false)]
    [InlineData("1.1 1.2", "2/3 tiêu chí", false)]
    [InlineData("1.1 1.2 2.1", "3/3 tiêu chí", true)]
    public void Progress_counts_the_items_a_person_answers(string answered, string text, bool complete)
    {
        var answers = Answers.Empty;
        foreach (var code in answered.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            answers = code == "1.2" ? answers.WithMet(code, false) : answers.WithScore(code, P(0));
        }
        var progress = SheetSummary.Progress(CriteriaEvaluator.Evaluate(Set, answers));

        Assert.Equal(text, progress.Text);
        Assert.Equal(complete, progress.Complete);
    }

    [Fact]
    public void Computed_items_and_items_of_another_target_group_are_not_counted()
    {
        var set = PointsSet(Threshold(5), Group("1", 20, null, Scored("1.1", 10), Rate("1.2", 10, "ty-le", 50m, (50, 10))),
            Group("2", 10, null, Scored("2.1a", 10).For("A"), Scored("2.1b", 10).For("B"))) with
        {
            TargetGroups = [new TargetGroup("A", "Nhóm A"), new TargetGroup("B", "Nhóm B")],
        };

        var progress = SheetSummary.Progress(CriteriaEvaluator.Evaluate(set, Answers.Empty.ForTargetGroup("A").WithScore("2.1a", P(5))));

        Assert.Equal("1/2 tiêu chí", progress.Text);
    }

    [Theory]
    // Until the committee's decision a sheet meets the criteria; only the decision recognises it.
    [InlineData(EvaluationStatus.Draft, 10, true, "Đạt tiêu chí")]
    [InlineData(EvaluationStatus.Reviewed, 10, true, "Đạt tiêu chí")]
    [InlineData(EvaluationStatus.Submitted, 0, true, "Chưa đạt tiêu chí")]
    [InlineData(EvaluationStatus.Draft, 10, false, "Chưa chấm xong")]
    [InlineData(EvaluationStatus.Recognised, 10, true, "Công nhận theo quyết định")]
    [InlineData(EvaluationStatus.NotRecognised, 10, true, "Không công nhận")]
    public void The_verdict_says_meets_the_criteria_until_the_decision(EvaluationStatus status, decimal item21, bool complete, string verdict)
    {
        var answers = TestAnswers.Full(Set).Scores(("2.1", item21), ("1.1", 0));
        var result = CriteriaEvaluator.Evaluate(Set, complete ? answers : Answers.Empty.WithScore("2.1", P(item21)));

        Assert.Equal(verdict, SheetSummary.Verdict(status, result));
        Assert.DoesNotContain("Được công nhận", SheetSummary.Verdict(status, result), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_verdict_names_the_rating_band_reached()
    {
        var set = Small(Bands(("Tốt", 25), ("Khá", 20), ("Không đạt", 0)));
        Assert.Equal("Khá · Đạt tiêu chí", SheetSummary.Verdict(EvaluationStatus.Draft, TestAnswers.Full(set).Scores(("1.1", 0)).Evaluate(set)));
    }

    [Fact]
    public void The_last_change_is_the_newest_status_line_with_its_reason()
    {
        var at = new DateTime(2026, 10, 5, 3, 0, 0, DateTimeKind.Utc);
        EvaluationAudit[] newestFirst =
        [
            Line("Điểm tiêu chí 1.1", "6", "7", "", at.AddMinutes(9)),
            Line(SheetSummary.StatusLine, "Đã chấm", "Nháp", "Thiếu minh chứng tiêu chí 2.1", at.AddMinutes(5), "bcd@camtan.vn"),
            Line(SheetSummary.StatusLine, "Nháp", "Đã chấm", "", at),
        ];

        var change = SheetSummary.LastChange(newestFirst);

        Assert.Equal(new StatusChange(SheetAction.Return, EvaluationStatus.Submitted, EvaluationStatus.Draft, "Thiếu minh chứng tiêu chí 2.1", "bcd@camtan.vn", at.AddMinutes(5)), change);
        Assert.Null(SheetSummary.LastChange([newestFirst[0]]));
        // A results import starts from "Chưa chấm": a change no button makes.
        Assert.Equal(new StatusChange(null, null, EvaluationStatus.Submitted, "", "canbo@camtan.vn", at),
            SheetSummary.LastChange([Line(SheetSummary.StatusLine, "Chưa chấm", "Đã chấm", "", at)]));
    }

    [Theory]
    // max, step → the buttons offered (tenths), none when there are more than six scores
    [InlineData(3, 1, "0 10 20 30")]
    [InlineData(2.5, 0.5, "0 5 10 15 20 25")]
    [InlineData(5, 0.5, "")]
    [InlineData(10, 1, "")]
    public void Few_scores_are_offered_as_buttons(decimal max, decimal step, string choices) =>
        Assert.Equal(choices, string.Join(" ", ScoreInput.Choices(Scored("1.1", max, step))));

    [Theory]
    // saved (tenths), direction → the score after − or +: within 0 and the maximum, back on the step
    [InlineData(null, 1, 5)]
    [InlineData(null, -1, 0)]
    [InlineData(60, 1, 65)]
    [InlineData(60, -1, 55)]
    [InlineData(0, -1, 0)]
    [InlineData(100, 1, 100)]
    [InlineData(73, 1, 75)]
    [InlineData(73, -1, 70)]
    public void Minus_and_plus_move_one_step(int? tenths, int direction, int expected) =>
        Assert.Equal(expected, ScoreInput.Stepped(Scored("1.1", 10, 0.5m), tenths, direction));

    private static EvaluationAudit Line(string what, string old, string @new, string reason, DateTime at, string by = "canbo@camtan.vn") =>
        new() { What = what, Old = old, New = @new, Reason = reason, AtUtc = at, By = by };
}
