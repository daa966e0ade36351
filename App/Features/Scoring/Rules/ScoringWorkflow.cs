namespace HocTapSuotDoi.Features.Scoring.Rules;

/// <summary>What a person does to a sheet's status.</summary>
public enum SheetAction
{
    Submit,
    Review,
    Return,
    Reopen,
    NotRecognise,
}

/// <summary>Whose answers are in play: the subject's self-assessment or the scorer's (reviewer's) answers.</summary>
public enum AnswerSource
{
    Self,
    Scorer,
}

/// <summary>What the person may do to this registration, from their role and scope (<see cref="ScoringAccess"/>).</summary>
public readonly record struct SheetActor(bool CanScore, bool CanReview);

/// <summary>
/// The scoring workflow as pure rules: which answers are in play, who may edit a sheet in which status, which status
/// changes are allowed, which need a reason. No EF, no clock, no DI: the service loads, asks these rules, then saves.
/// Statuses move Nháp → Đã chấm → Đã duyệt → Công nhận (by a decision) / Không công nhận, with "trả lại" (Đã chấm →
/// Nháp) and "mở lại" (Đã duyệt or Không công nhận → Nháp).
/// </summary>
public static class ScoringWorkflow
{
    public static readonly IReadOnlyList<SheetAction> Actions = Enum.GetValues<SheetAction>();

    /// <summary>
    /// The answers a sheet is edited in and shown from. A self-assessed title (units, citizens) is filled by the subject
    /// as a draft; once submitted the reviewer edits a copy of their own, starting from the self-assessment while they
    /// have changed nothing (<paramref name="scorerAnswersEmpty"/>). Other titles have only the scorer's answers.
    /// </summary>
    public static AnswerSource InPlay(bool selfAssessed, EvaluationStatus status, bool scorerAnswersEmpty) =>
        selfAssessed && (status == EvaluationStatus.Draft || status == EvaluationStatus.Submitted && scorerAnswersEmpty)
            ? AnswerSource.Self
            : AnswerSource.Scorer;

    /// <summary>Where an edit is written: the self-assessment while the subject fills it (draft), else the scorer's answers.</summary>
    public static AnswerSource WritesTo(bool selfAssessed, EvaluationStatus status) =>
        selfAssessed && status == EvaluationStatus.Draft ? AnswerSource.Self : AnswerSource.Scorer;

    /// <summary>
    /// Submitting a self-assessment drops the reviewer's copy, so a sheet sent back ("trả lại", "mở lại") and submitted
    /// again is reviewed from the subject's new answers; the reviewer's earlier changes and reasons stay in the history.
    /// </summary>
    public static bool ClearsReviewerCopy(bool selfAssessed, SheetAction action) => selfAssessed && action == SheetAction.Submit;

    /// <summary>A reviewer corrects a submitted self-assessment before approving it.</summary>
    public static bool ReviewerEdits(bool selfAssessed, EvaluationStatus status) =>
        selfAssessed && status == EvaluationStatus.Submitted;

    public static bool IsEditable(EvaluationStatus status, bool selfAssessed, SheetActor actor) =>
        actor.CanScore && status == EvaluationStatus.Draft || actor.CanReview && ReviewerEdits(selfAssessed, status);

    /// <summary>Why <paramref name="actor"/> may not change a value of the sheet now, in Vietnamese; null when they may.</summary>
    public static string? EditRefusal(EvaluationStatus status, bool selfAssessed, SheetActor actor) =>
        IsEditable(status, selfAssessed, actor) ? null
        : status == EvaluationStatus.Draft ? "Bạn không được chấm hồ sơ này."
        : $"Hồ sơ đang ở trạng thái \"{status.Text()}\": không sửa được điểm. Cần \"mở lại\" kèm lý do.";

    /// <summary>
    /// A reviewer who changes a self-assessed value (score or met/not met, not the note) must say why; the subject
    /// sees both values and the reason.
    /// </summary>
    public static bool ChangeNeedsReason(bool reviewing, StoredAnswer? self, StoredAnswer answer, string? reason) =>
        reviewing && self is not null && (self.ScoreTenths != answer.ScoreTenths || self.Met != answer.Met) && string.IsNullOrWhiteSpace(reason);

    public static EvaluationStatus Target(SheetAction action) => action switch
    {
        SheetAction.Submit => EvaluationStatus.Submitted,
        SheetAction.Review => EvaluationStatus.Reviewed,
        SheetAction.NotRecognise => EvaluationStatus.NotRecognised,
        _ => EvaluationStatus.Draft,
    };

    /// <summary>Sending a sheet back, reopening it and refusing it are explained; submitting and approving are not.</summary>
    public static bool NeedsReason(SheetAction action) => action is SheetAction.Return or SheetAction.Reopen or SheetAction.NotRecognise;

    /// <summary>A sheet is submitted and approved only when complete and free of input errors.</summary>
    public static bool NeedsCompleteSheet(SheetAction action) => action is SheetAction.Submit or SheetAction.Review;

    /// <summary>A reopened sheet keeps the mark "đã sửa sau khi duyệt".</summary>
    public static bool MarksEditedAfterReview(SheetAction action) => action == SheetAction.Reopen;

    /// <summary>The scorer learns (bell) that their sheet came back to them.</summary>
    public static bool NotifiesScorer(SheetAction action) => action == SheetAction.Return;

    /// <summary>Why <paramref name="action"/> is refused for this status and actor, in Vietnamese; null when allowed.</summary>
    public static string? Refusal(SheetAction action, EvaluationStatus status, SheetActor actor) => action switch
    {
        SheetAction.Submit => status != EvaluationStatus.Draft ? "Chỉ nộp được hồ sơ đang ở trạng thái nháp."
            : !actor.CanScore ? "Bạn không được nộp hồ sơ này." : null,
        SheetAction.Review => !actor.CanReview ? "Chỉ Ban chỉ đạo duyệt hồ sơ."
            : status != EvaluationStatus.Submitted ? "Chỉ duyệt được hồ sơ đã chấm." : null,
        SheetAction.Return => !actor.CanReview ? "Chỉ Ban chỉ đạo trả lại hồ sơ."
            : status != EvaluationStatus.Submitted ? "Chỉ trả lại được hồ sơ đã chấm, chưa duyệt." : null,
        SheetAction.Reopen => !actor.CanReview ? "Chỉ Ban chỉ đạo hoặc quản trị viên mở lại hồ sơ."
            : status is not (EvaluationStatus.Reviewed or EvaluationStatus.NotRecognised)
                ? "Chỉ mở lại được hồ sơ đã duyệt hoặc không được công nhận; hồ sơ đã có quyết định công nhận thì không mở lại." : null,
        _ => !actor.CanReview ? "Chỉ Ban chỉ đạo quyết định không công nhận."
            : status != EvaluationStatus.Reviewed ? "Chỉ hồ sơ đã duyệt mới xét công nhận hoặc không công nhận." : null,
    };

    /// <summary>The actions offered on the sheet, in the order of the buttons.</summary>
    public static IReadOnlyList<SheetAction> Available(EvaluationStatus status, SheetActor actor) =>
        Actions.Where(a => Refusal(a, status, actor) is null).ToList();

    /// <summary>
    /// Which action moved a sheet from <paramref name="from"/> to <paramref name="to"/>; null for a move no action makes
    /// (the decision's Đã duyệt → Công nhận, a results import). Both Trả lại and Mở lại end in Nháp: the start tells them apart.
    /// </summary>
    public static SheetAction? ActionOf(EvaluationStatus? from, EvaluationStatus to) => (from, to) switch
    {
        (EvaluationStatus.Draft, EvaluationStatus.Submitted) => SheetAction.Submit,
        (EvaluationStatus.Submitted, EvaluationStatus.Reviewed) => SheetAction.Review,
        (EvaluationStatus.Submitted, EvaluationStatus.Draft) => SheetAction.Return,
        (EvaluationStatus.Reviewed or EvaluationStatus.NotRecognised, EvaluationStatus.Draft) => SheetAction.Reopen,
        (EvaluationStatus.Reviewed, EvaluationStatus.NotRecognised) => SheetAction.NotRecognise,
        _ => null,
    };

    /// <summary>The button's words.</summary>
    public static string Label(SheetAction action) => action switch
    {
        SheetAction.Submit => "Nộp",
        SheetAction.Review => "Duyệt",
        SheetAction.Return => "Trả lại",
        SheetAction.Reopen => "Mở lại để sửa",
        _ => "Không công nhận",
    };

    /// <summary>The past tense, for the banner and the snackbar: "đã trả lại".</summary>
    public static string Done(SheetAction action) => action switch
    {
        SheetAction.Submit => "đã nộp",
        SheetAction.Review => "đã duyệt",
        SheetAction.Return => "đã trả lại",
        SheetAction.Reopen => "đã mở lại",
        _ => "đã ghi không công nhận",
    };

    /// <summary>What the reason dialog asks.</summary>
    public static string ReasonPrompt(SheetAction action) => action switch
    {
        SheetAction.Return => "Lý do trả lại",
        SheetAction.Reopen => "Lý do mở lại hồ sơ đã duyệt",
        _ => "Lý do không công nhận",
    };

    /// <summary>A status back from the text the history stores ("Đã chấm"); null for "Chưa chấm" or an unknown text.</summary>
    public static EvaluationStatus? StatusOf(string text) =>
        Enum.GetValues<EvaluationStatus>().Cast<EvaluationStatus?>().FirstOrDefault(s => s!.Value.Text() == text);
}
