using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Scoring.Rules;
using static HocTapSuotDoi.Features.Scoring.EvaluationStatus;

namespace HocTapSuotDoi.Tests.Features.Scoring.Rules;

/// <summary>The workflow's rules as tables: answers in play, who edits, which actions, which reasons.</summary>
public class ScoringWorkflowTests
{
    [Theory]
    // Self-assessed titles (units, citizens): the subject fills their own; the reviewer starts from it until they change a value.
    [InlineData(true, Draft, true, AnswerSource.Self)]
    [InlineData(true, Draft, false, AnswerSource.Self)]
    [InlineData(true, Submitted, true, AnswerSource.Self)]
    [InlineData(true, Submitted, false, AnswerSource.Scorer)]
    [InlineData(true, Reviewed, true, AnswerSource.Scorer)]
    [InlineData(true, Recognised, false, AnswerSource.Scorer)]
    // Other titles have only the scorer's answers.
    [InlineData(false, Draft, true, AnswerSource.Scorer)]
    [InlineData(false, Submitted, true, AnswerSource.Scorer)]
    [InlineData(false, Reviewed, false, AnswerSource.Scorer)]
    public void Answers_in_play(bool selfAssessed, EvaluationStatus status, bool scorerAnswersEmpty, AnswerSource expected) =>
        Assert.Equal(expected, ScoringWorkflow.InPlay(selfAssessed, status, scorerAnswersEmpty));

    [Theory]
    [InlineData(true, Draft, AnswerSource.Self)]
    [InlineData(true, Submitted, AnswerSource.Scorer)]
    [InlineData(false, Draft, AnswerSource.Scorer)]
    [InlineData(false, Submitted, AnswerSource.Scorer)]
    public void Edits_are_written_to_the_self_assessment_only_while_the_subject_fills_it(bool selfAssessed, EvaluationStatus status, AnswerSource expected) =>
        Assert.Equal(expected, ScoringWorkflow.WritesTo(selfAssessed, status));

    [Theory]
    // Only submitting a self-assessment starts the reviewer's copy again from it.
    [InlineData(true, SheetAction.Submit, true)]
    [InlineData(true, SheetAction.Review, false)]
    [InlineData(true, SheetAction.Return, false)]
    [InlineData(true, SheetAction.Reopen, false)]
    [InlineData(true, SheetAction.NotRecognise, false)]
    [InlineData(false, SheetAction.Submit, false)]
    [InlineData(false, SheetAction.Return, false)]
    public void A_submitted_self_assessment_is_reviewed_from_the_subjects_answers(bool selfAssessed, SheetAction action, bool clears) =>
        Assert.Equal(clears, ScoringWorkflow.ClearsReviewerCopy(selfAssessed, action));

    [Theory]
    // status, self-assessed, can score, can review → editable
    [InlineData(Draft, false, true, false, true)]
    [InlineData(Draft, false, false, true, false)]
    [InlineData(Draft, false, true, true, true)]
    [InlineData(Draft, false, false, false, false)]
    [InlineData(Submitted, false, true, true, false)]
    [InlineData(Submitted, true, true, false, false)]
    [InlineData(Submitted, true, false, true, true)]
    [InlineData(Reviewed, true, true, true, false)]
    [InlineData(Reviewed, false, true, true, false)]
    [InlineData(Recognised, false, true, true, false)]
    [InlineData(NotRecognised, true, true, true, false)]
    public void Who_edits_the_sheet_in_which_status(EvaluationStatus status, bool selfAssessed, bool canScore, bool canReview, bool editable)
    {
        var actor = new SheetActor(canScore, canReview);

        Assert.Equal(editable, ScoringWorkflow.IsEditable(status, selfAssessed, actor));
        Assert.Equal(editable, ScoringWorkflow.EditRefusal(status, selfAssessed, actor) is null);
    }

    [Theory]
    [InlineData(Draft, "Bạn không được chấm hồ sơ này.")]
    [InlineData(Submitted, "Hồ sơ đang ở trạng thái \"Đã chấm\": không sửa được điểm. Cần \"mở lại\" kèm lý do.")]
    [InlineData(Recognised, "Hồ sơ đang ở trạng thái \"Công nhận\": không sửa được điểm. Cần \"mở lại\" kèm lý do.")]
    public void A_refused_edit_says_why_in_Vietnamese(EvaluationStatus status, string message) =>
        Assert.Equal(message, ScoringWorkflow.EditRefusal(status, false, new SheetActor(false, false)));

    [Theory]
    // status, can score, can review → the buttons offered
    [InlineData(Draft, true, false, "Submit")]
    [InlineData(Draft, true, true, "Submit")]
    [InlineData(Draft, false, true, "")]
    [InlineData(Submitted, true, false, "")]
    [InlineData(Submitted, false, true, "Review Return")]
    [InlineData(Reviewed, false, true, "Reopen NotRecognise")]
    [InlineData(Reviewed, true, false, "")]
    [InlineData(NotRecognised, false, true, "Reopen")]
    [InlineData(Recognised, true, true, "")]
    public void Actions_offered_by_status_and_role(EvaluationStatus status, bool canScore, bool canReview, string expected) =>
        Assert.Equal(expected, string.Join(" ", ScoringWorkflow.Available(status, new SheetActor(canScore, canReview))));

    [Theory]
    [InlineData(SheetAction.Submit, Submitted, false, true)]
    [InlineData(SheetAction.Review, Reviewed, false, true)]
    [InlineData(SheetAction.Return, Draft, true, false)]
    [InlineData(SheetAction.Reopen, Draft, true, false)]
    [InlineData(SheetAction.NotRecognise, NotRecognised, true, false)]
    public void Where_each_action_leads_and_what_it_needs(SheetAction action, EvaluationStatus target, bool reason, bool complete)
    {
        Assert.Equal(target, ScoringWorkflow.Target(action));
        Assert.Equal(reason, ScoringWorkflow.NeedsReason(action));
        Assert.Equal(complete, ScoringWorkflow.NeedsCompleteSheet(action));
        Assert.Equal(action == SheetAction.Reopen, ScoringWorkflow.MarksEditedAfterReview(action));
        Assert.Equal(action == SheetAction.Return, ScoringWorkflow.NotifiesScorer(action));
    }

    [Theory]
    [InlineData(SheetAction.Submit, Submitted, true, false, "Chỉ nộp được hồ sơ đang ở trạng thái nháp.")]
    [InlineData(SheetAction.Submit, Draft, false, true, "Bạn không được nộp hồ sơ này.")]
    [InlineData(SheetAction.Review, Submitted, true, false, "Chỉ Ban chỉ đạo duyệt hồ sơ.")]
    [InlineData(SheetAction.Review, Draft, false, true, "Chỉ duyệt được hồ sơ đã chấm.")]
    [InlineData(SheetAction.Return, Reviewed, false, true, "Chỉ trả lại được hồ sơ đã chấm, chưa duyệt.")]
    [InlineData(SheetAction.Reopen, Recognised, false, true, "Chỉ mở lại được hồ sơ đã duyệt hoặc không được công nhận; hồ sơ đã có quyết định công nhận thì không mở lại.")]
    [InlineData(SheetAction.Reopen, Reviewed, true, false, "Chỉ Ban chỉ đạo hoặc quản trị viên mở lại hồ sơ.")]
    [InlineData(SheetAction.NotRecognise, Submitted, false, true, "Chỉ hồ sơ đã duyệt mới xét công nhận hoặc không công nhận.")]
    public void A_refused_action_says_why(SheetAction action, EvaluationStatus status, bool canScore, bool canReview, string message) =>
        Assert.Equal(message, ScoringWorkflow.Refusal(action, status, new SheetActor(canScore, canReview)));

    [Theory]
    [InlineData(Draft, Submitted, SheetAction.Submit)]
    [InlineData(Submitted, Reviewed, SheetAction.Review)]
    [InlineData(Submitted, Draft, SheetAction.Return)]
    [InlineData(Reviewed, Draft, SheetAction.Reopen)]
    [InlineData(NotRecognised, Draft, SheetAction.Reopen)]
    [InlineData(Reviewed, NotRecognised, SheetAction.NotRecognise)]
    [InlineData(Reviewed, Recognised, null)]
    [InlineData(null, Submitted, null)]
    public void The_action_behind_a_status_change(EvaluationStatus? from, EvaluationStatus to, SheetAction? action) =>
        Assert.Equal(action, ScoringWorkflow.ActionOf(from, to));

    // Whatever the status and the role, an allowed action is named back from the change it makes (the banner's words).
    [Fact]
    public void Every_allowed_action_is_recognised_from_the_change_it_makes()
    {
        var allowed = 0;
        foreach (var status in Enum.GetValues<EvaluationStatus>())
        {
            foreach (var actor in new[] { new SheetActor(false, false), new SheetActor(true, false), new SheetActor(false, true), new SheetActor(true, true) })
            {
                foreach (var action in ScoringWorkflow.Available(status, actor))
                {
                    allowed++;
                    Assert.Equal(action, ScoringWorkflow.ActionOf(status, ScoringWorkflow.Target(action)));
                    Assert.NotEqual(status, ScoringWorkflow.Target(action));
                }
            }
        }
        Assert.Equal(12, allowed);
        Assert.All(Enum.GetValues<EvaluationStatus>(), s => Assert.Equal(s, ScoringWorkflow.StatusOf(s.Text())));
        Assert.Null(ScoringWorkflow.StatusOf("Chưa chấm"));
    }

    [Theory]
    // reviewing, self answer (tenths / met), new answer, reason → a reason is required
    [InlineData(true, 60, null, 70, null, null, true)]
    [InlineData(true, 60, null, 70, null, "  ", true)]
    [InlineData(true, 60, null, 70, null, "Thiếu minh chứng", false)]
    [InlineData(true, 60, null, 60, null, null, false)]
    [InlineData(true, null, true, null, false, null, true)]
    [InlineData(true, null, true, null, true, null, false)]
    [InlineData(false, 60, null, 70, null, null, false)]
    public void A_reviewer_changing_a_self_assessed_value_gives_a_reason(bool reviewing, int? selfTenths, bool? selfMet, int? tenths, bool? met, string? reason, bool required)
    {
        var self = new StoredAnswer(selfTenths, selfMet, "ghi chú cũ");
        Assert.Equal(required, ScoringWorkflow.ChangeNeedsReason(reviewing, self, new StoredAnswer(tenths, met, "ghi chú mới"), reason));
    }

    [Fact]
    public void A_value_the_subject_left_empty_needs_no_reason() =>
        Assert.False(ScoringWorkflow.ChangeNeedsReason(true, null, new StoredAnswer(70), null));
}
