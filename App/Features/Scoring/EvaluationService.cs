using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Notifications;
using HocTapSuotDoi.Features.Scoring.Rules;

namespace HocTapSuotDoi.Features.Scoring;

public sealed record ScoringSheet(
    int RegistrationId, int EvaluationId, int Version, Title Title, int Year, string SubjectName, string SetName,
    EvaluationStatus Status, bool EditedAfterReview, CriteriaSetDefinition Set, StoredAnswers Answers, StoredAnswers? SelfAnswers,
    IReadOnlyDictionary<string, ComputedInput> Inputs, bool CanScore, bool CanReview, bool ScoresSelf, IReadOnlyList<EvaluationAudit> History)
{
    // What the computed items still wait for (other titles' decisions of the year), in words.
    public IReadOnlyList<string> Waiting { get; init; } = [];

    // E-mails written in the history ("who") and the names of those people, for display.
    public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();

    // False until the reviewer of a self-assessed sheet saves a value of their own.
    public bool ScorerAnswered { get; init; }

    // The answers the page starts from: a reviewer who has changed nothing yet starts from the self-assessment.
    public StoredAnswers InPlay =>
        ScoringWorkflow.InPlay(SelfAnswers is not null, Status, !ScorerAnswered) == AnswerSource.Self
            ? SelfAnswers ?? new()
            : Answers;

    public SheetActor Actor => new(CanScore, CanReview);

    public bool Editable => ScoringWorkflow.IsEditable(Status, ScoringTexts.IsSelfAssessed(Title), Actor);

    public IReadOnlyList<SheetAction> Actions => ScoringWorkflow.Available(Status, Actor);

    public StatusChange? LastChange => SheetSummary.LastChange(History);

    public string NameOf(string by) => People.GetValueOrDefault(by) ?? by;

    public EvaluationResult Result => CriteriaEvaluator.Evaluate(Set, InPlay.ToEngine(Inputs));
}

// Who changed an evaluation's history most recently, for the pages showing it: in-process, one event per saved change.
public sealed class SheetChanges
{
    public event Action<int>? Changed;

    public void Publish(int evaluationId) => Changed?.Invoke(evaluationId);
}

// Somebody saved this evaluation since the page loaded. The whole sheet has one version, so the refusal brings the
// answers stored now and the latest history: the page compares them with what it had saved and says what changed.
public sealed class ScoringConflictException(string itemCode, StoredAnswers stored, IReadOnlyList<EvaluationAudit> latest,
    IReadOnlyDictionary<string, string> people, int currentVersion)
    : Exception("Hồ sơ vừa được người khác lưu trong lúc bạn đang chấm.")
{
    public string ItemCode { get; } = itemCode;

    /// <summary>The value of <see cref="ItemCode"/> stored now.</summary>
    public StoredAnswer? Theirs => Stored.Items.GetValueOrDefault(ItemCode);

    /// <summary>The answers stored now, the ones the page shows again when it reloads.</summary>
    public StoredAnswers Stored { get; } = stored;

    public int CurrentVersion { get; } = currentVersion;

    /// <summary>
    /// What changed compared with the answers the page had as saved (<paramref name="seen"/>), one sentence each: the items
    /// whose stored value differs, with who saved them and when; otherwise the last line of the history (a recomputation,
    /// a status, the target group), a recomputation named as such rather than by the person whose save caused it.
    /// </summary>
    public IReadOnlyList<string> ChangesFrom(IReadOnlyDictionary<string, StoredAnswer> seen)
    {
        var sentences = new List<string>();
        var told = new HashSet<EvaluationAudit>();
        foreach (var code in Stored.Items.Keys.Union(seen.Keys).Order(StringComparer.Ordinal))
        {
            var before = seen.GetValueOrDefault(code);
            var now = Stored.Items.GetValueOrDefault(code);
            if ((before?.Text ?? "(trống)") != (now?.Text ?? "(trống)"))
            {
                // Only a changed value has a history line; a changed note alone has none to name.
                var line = latest.FirstOrDefault(a => ItemOf(a) == code);
                if (line is not null)
                {
                    told.Add(line);
                }
                sentences.Add($"Tiêu chí {code}: {before?.Text ?? "(trống)"} → {now?.Text ?? "(trống)"}{(line is null ? "" : $", {Who(line)}")}.");
            }
            else if ((before?.Note ?? "") != (now?.Note ?? ""))
            {
                sentences.Add($"Tiêu chí {code}: ghi chú minh chứng đã được sửa.");
            }
        }
        if (latest.FirstOrDefault() is { } last && !told.Contains(last) && (sentences.Count == 0 || ItemOf(last) is null))
        {
            sentences.Add(last.What == DependentEvaluations.RecomputedLine
                ? $"Hồ sơ được tính lại theo số liệu lúc {VnTime.Format(last.AtUtc)}: {last.Old} → {last.New}."
                : $"{last.What}: {(last.Old.Length > 0 ? last.Old : "(trống)")} → {(last.New.Length > 0 ? last.New : "(trống)")}, {Who(last)}.");
        }
        return sentences.Count > 0 ? sentences : [Message];
    }

    private string Who(EvaluationAudit line) => $"do {people.GetValueOrDefault(line.By) ?? line.By} lưu lúc {VnTime.Format(line.AtUtc)}";

    // Value lines end with the item's code ("Điểm tiêu chí 1.2", "Người duyệt sửa tiêu chí 1.2").
    private static string? ItemOf(EvaluationAudit line) =>
        line.What.LastIndexOf(" tiêu chí ", StringComparison.Ordinal) is var at and >= 0 ? line.What[(at + " tiêu chí ".Length)..] : null;
}

// A reviewer changed a self-assessed score without a reason: the page asks for one and saves again.
public sealed class ReasonRequiredException(string message) : ValidationException(message);

// Scoring one registration: every value is saved as it is typed (a draft), with its history; then the status moves
// Nháp → Đã chấm → Đã duyệt → Công nhận / Không công nhận, with "trả lại" and "mở lại" needing a reason.
// Each method loads, asks the pure rules of Rules/ScoringWorkflow, then saves.
public sealed class EvaluationService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, ComputedInputsService inputs, TimeProvider clock,
    SheetChanges changes)
{
    public async Task<ScoringSheet> OpenAsync(int registrationId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var registration = await db.Set<Registration>().Include(r => r.Evaluation).SingleOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null || !await ScoringAccess.CanSeeAsync(db, scope, registration, ct))
        {
            throw new ForbiddenException("Không tìm thấy hồ sơ đăng ký này trong phạm vi của bạn.");
        }
        if (registration.Evaluation is null)
        {
            var set = await CriteriaSetService.ActiveForAsync(db, registration.Title, registration.Year, ct)
                ?? throw new ValidationException($"Chưa có bộ tiêu chí \"{registration.Title.DisplayName()}\" đang áp dụng cho năm {registration.Year}. Hãy báo quản trị viên.");
            if (!ScoringAccess.CanScore(scope, registration))
            {
                throw new ValidationException("Hồ sơ này chưa được chấm.");
            }
            registration.Evaluation = new Evaluation { CriteriaSetId = set.Id };
            await db.SaveChangesAsync(ct);
        }
        return await SheetAsync(db, scope, registration);
    }

    private async Task<ScoringSheet> SheetAsync(AppDbContext db, UserScope scope, Registration registration)
    {
        var evaluation = registration.Evaluation!;
        var set = await db.Set<CriteriaSet>().AsNoTracking().SingleAsync(s => s.Id == evaluation.CriteriaSetId);
        var history = await HistoryAsync(db, evaluation.Id);
        var figures = await inputs.GatherAsync(registration.SubjectKind, registration.SubjectId, registration.Year);
        var selfAssessed = ScoringTexts.IsSelfAssessed(registration.Title);
        return new ScoringSheet(registration.Id, evaluation.Id, evaluation.Version, registration.Title, registration.Year, registration.SubjectName,
            $"{set.Name} (phiên bản {set.VersionNumber})", evaluation.Status, evaluation.EditedAfterReview, CriteriaSetJson.Deserialize(set.DefinitionJson),
            StoredAnswers.Parse(evaluation.AnswersJson), selfAssessed ? StoredAnswers.Parse(evaluation.SelfAnswersJson) : null, figures,
            ScoringAccess.CanScore(scope, registration), ScoringAccess.CanReview(scope, registration),
            ScoringWorkflow.WritesTo(selfAssessed, evaluation.Status) == AnswerSource.Self, history)
        {
            Waiting = await inputs.WaitingAsync(registration.SubjectKind, registration.SubjectId, registration.Year),
            People = await PeopleAsync(db, history),
            ScorerAnswered = evaluation.AnswersJson != "{}",
        };
    }

    /// <summary>The history of a sheet, newest first, with the names of the people in it; for a page that refreshes it.</summary>
    public async Task<(IReadOnlyList<EvaluationAudit> History, IReadOnlyDictionary<string, string> People)> HistoryAsync(int evaluationId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, registration) = await LoadAsync(db, evaluationId);
        if (!await ScoringAccess.CanSeeAsync(db, scope, registration, ct))
        {
            throw new ForbiddenException("Không tìm thấy hồ sơ này trong phạm vi của bạn.");
        }
        var history = await HistoryAsync(db, evaluationId, ct);
        return (history, await PeopleAsync(db, history, ct));
    }

    private static async Task<List<EvaluationAudit>> HistoryAsync(AppDbContext db, int evaluationId, CancellationToken ct = default) =>
        await db.Set<EvaluationAudit>().AsNoTracking().Where(a => a.EvaluationId == evaluationId).OrderByDescending(a => a.Id).Take(300).ToListAsync(ct);

    // The history keeps the e-mail (stable, unique); people read names.
    private static async Task<IReadOnlyDictionary<string, string>> PeopleAsync(AppDbContext db, IEnumerable<EvaluationAudit> history, CancellationToken ct = default)
    {
        var emails = history.Select(h => h.By).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!) && u.FullName != "")
            .Select(u => new { u.Email, u.FullName }).ToListAsync(ct);
        return users.DistinctBy(u => u.Email).ToDictionary(u => u.Email!, u => u.FullName);
    }

    /// <returns>The evaluation's new version.</returns>
    public Task<int> SaveAnswerAsync(int evaluationId, int version, string itemCode, StoredAnswer answer, string? reason = null) =>
        SaveAnswerAsync(evaluationId, version, itemCode, (_, _) => answer, reason);

    /// <summary>
    /// Saves the text typed in a score field ("2,5" or "2.5"; empty clears the score). The text is read and checked here
    /// whatever the page already checked: a refused text saves nothing, and the message names the saved value that stays.
    /// </summary>
    /// <returns>The evaluation's new version.</returns>
    public Task<int> SaveScoreAsync(int evaluationId, int version, string itemCode, string? typed, string? reason = null) =>
        SaveAnswerAsync(evaluationId, version, itemCode, (item, old) =>
        {
            if (item.Kind != ItemKind.Points)
            {
                throw new ValidationException($"Tiêu chí {item.Code} không chấm bằng điểm số.");
            }
            var reading = ScoreInput.Read(item, typed, old);
            return reading.Accepted ? new StoredAnswer(reading.Tenths, null, old?.Note ?? "") : throw new ValidationException(reading.Refusal);
        }, reason);

    // The answer is made from the item and the value saved now, so a refusal can name the value that stays.
    private async Task<int> SaveAnswerAsync(int evaluationId, int version, string itemCode, Func<CriteriaItem, StoredAnswer?, StoredAnswer> answerFor, string? reason)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateForAsync(scope);
        var (evaluation, registration) = await LoadAsync(db, evaluationId);
        var selfAssessed = ScoringTexts.IsSelfAssessed(registration.Title);
        var reviewing = ScoringWorkflow.ReviewerEdits(selfAssessed, evaluation.Status);
        if (ScoringWorkflow.EditRefusal(evaluation.Status, selfAssessed, ActorOf(scope, registration)) is { } refusal)
        {
            throw new ForbiddenException(refusal);
        }

        var set = await SetOfAsync(db, evaluation);
        var item = set.Items.FirstOrDefault(i => i.Code == itemCode) ?? throw new ValidationException($"Không có tiêu chí {itemCode} trong bộ tiêu chí này.");

        var editsSelf = ScoringWorkflow.WritesTo(selfAssessed, evaluation.Status) == AnswerSource.Self;
        var stored = InPlay(evaluation, selfAssessed);
        var old = stored.Items.GetValueOrDefault(itemCode);
        var answer = answerFor(item, old);
        CheckAnswer(item, answer, old);
        if (evaluation.Version != version)
        {
            var latest = await db.Set<EvaluationAudit>().AsNoTracking().Where(a => a.EvaluationId == evaluationId).OrderByDescending(a => a.Id).Take(50).ToListAsync();
            throw new ScoringConflictException(itemCode, stored, latest, await PeopleAsync(db, latest), evaluation.Version);
        }
        db.Entry(evaluation).Property(e => e.Version).OriginalValue = version;
        var self = reviewing ? StoredAnswers.Parse(evaluation.SelfAnswersJson).Items.GetValueOrDefault(itemCode) : null;
        if (ScoringWorkflow.ChangeNeedsReason(reviewing, self, answer, reason))
        {
            throw new ReasonRequiredException($"Tiêu chí {itemCode}: người duyệt đổi điểm tự đánh giá ({self!.Text} → {answer.Text}) phải ghi lý do.");
        }

        var items = new Dictionary<string, StoredAnswer>(stored.Items);
        if (answer.IsEmpty && answer.Note.Length == 0)
        {
            items.Remove(itemCode);
        }
        else
        {
            items[itemCode] = answer;
        }
        var updated = stored with { Items = items };
        if (editsSelf)
        {
            evaluation.SelfAnswersJson = updated.ToJson();
        }
        else
        {
            evaluation.AnswersJson = updated.ToJson();
        }
        await ScoreAsync(evaluation, registration, set, updated);
        if (old?.Text != answer.Text || !string.IsNullOrWhiteSpace(reason))
        {
            Audit(db, evaluation, scope, $"{(editsSelf ? "Tự đánh giá" : reviewing ? "Người duyệt sửa" : "Điểm")} tiêu chí {itemCode}", old?.Text ?? "(trống)", answer.Text, reason);
        }
        await db.SaveOrConflictAsync("Hồ sơ này");
        changes.Publish(evaluationId);
        return evaluation.Version;
    }

    public async Task<int> SetTargetGroupAsync(int evaluationId, int version, string? targetGroup, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var (evaluation, registration) = await LoadAsync(db, evaluationId);
        if (evaluation.Status != EvaluationStatus.Draft || !ScoringAccess.CanScore(scope, registration))
        {
            throw new ForbiddenException("Bạn không được sửa hồ sơ này.");
        }
        db.Entry(evaluation).Property(e => e.Version).OriginalValue = version;
        var self = ScoringWorkflow.WritesTo(ScoringTexts.IsSelfAssessed(registration.Title), evaluation.Status) == AnswerSource.Self;
        var stored = StoredAnswers.Parse(self ? evaluation.SelfAnswersJson : evaluation.AnswersJson) with { TargetGroup = targetGroup };
        if (self)
        {
            evaluation.SelfAnswersJson = stored.ToJson();
        }
        else
        {
            evaluation.AnswersJson = stored.ToJson();
        }
        // The group decides which items apply, so the stored total and verdict are scored again.
        await ScoreAsync(evaluation, registration, await SetOfAsync(db, evaluation, ct), stored);
        Audit(db, evaluation, scope, "Nhóm đối tượng", "", targetGroup ?? "", null);
        await db.SaveOrConflictAsync("Hồ sơ này", ct);
        changes.Publish(evaluationId);
        return evaluation.Version;
    }

    public Task<int> SubmitAsync(int evaluationId, int version) => TransitionAsync(evaluationId, version, null, SheetAction.Submit);

    public Task<int> ReviewAsync(int evaluationId, int version) => TransitionAsync(evaluationId, version, null, SheetAction.Review);

    public Task<int> ReturnAsync(int evaluationId, int version, string reason) => TransitionAsync(evaluationId, version, reason, SheetAction.Return);

    public Task<int> ReopenAsync(int evaluationId, int version, string reason) => TransitionAsync(evaluationId, version, reason, SheetAction.Reopen);

    public Task<int> NotRecogniseAsync(int evaluationId, int version, string reason) => TransitionAsync(evaluationId, version, reason, SheetAction.NotRecognise);

    /// <summary>Any action of the workflow; the reason is required exactly when <see cref="ScoringWorkflow.NeedsReason"/> says so.</summary>
    public async Task<int> TransitionAsync(int evaluationId, int version, string? reason, SheetAction action, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        if (ScoringWorkflow.NeedsReason(action) && string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationException("Hãy ghi lý do.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var (evaluation, registration) = await LoadAsync(db, evaluationId);
        if (!await ScoringAccess.CanSeeAsync(db, scope, registration, ct))
        {
            throw new ForbiddenException("Không tìm thấy hồ sơ này trong phạm vi của bạn.");
        }
        if (ScoringWorkflow.Refusal(action, evaluation.Status, ActorOf(scope, registration)) is { } refusal)
        {
            throw new ValidationException(refusal);
        }
        db.Entry(evaluation).Property(e => e.Version).OriginalValue = version;
        var from = evaluation.Status;
        var selfAssessed = ScoringTexts.IsSelfAssessed(registration.Title);
        if (ScoringWorkflow.ClearsReviewerCopy(selfAssessed, action))
        {
            evaluation.AnswersJson = "{}";
        }
        if (ScoringWorkflow.NeedsCompleteSheet(action))
        {
            var set = await SetOfAsync(db, evaluation, ct);
            var answers = InPlay(evaluation, selfAssessed);
            if (ScoringWorkflow.ReviewerEdits(selfAssessed, from) && evaluation.AnswersJson == "{}")
            {
                // The reviewer accepted the self-assessment unchanged.
                evaluation.AnswersJson = evaluation.SelfAnswersJson ?? "{}";
            }
            var result = await ScoreAsync(evaluation, registration, set, answers);
            if (!result.IsComplete || result.HasErrors)
            {
                throw new ValidationException($"Hồ sơ chưa chấm xong: {string.Join("; ", result.Reasons.Concat(result.Errors).Take(5))}.");
            }
        }
        evaluation.EditedAfterReview |= ScoringWorkflow.MarksEditedAfterReview(action);
        evaluation.Status = ScoringWorkflow.Target(action);
        Audit(db, evaluation, scope, SheetSummary.StatusLine, from.Text(), evaluation.Status.Text(), reason);
        if (ScoringWorkflow.NotifiesScorer(action))
        {
            await NotifyScorerAsync(db, evaluation, registration, scope, reason!);
        }
        await db.SaveOrConflictAsync("Hồ sơ này", ct);
        changes.Publish(evaluationId);
        return evaluation.Version;
    }

    // The person who submitted the sheet hears it came back, with who and why, under the bell (in the same save).
    private async Task NotifyScorerAsync(AppDbContext db, Evaluation evaluation, Registration registration, UserScope scope, string reason)
    {
        var submitted = EvaluationStatus.Submitted.Text();
        var scorer = await db.Set<EvaluationAudit>().AsNoTracking()
            .Where(a => a.EvaluationId == evaluation.Id && a.What == SheetSummary.StatusLine && a.New == submitted)
            .OrderByDescending(a => a.Id).Select(a => a.By).FirstOrDefaultAsync();
        var user = scorer is null ? null : await db.Users.AsNoTracking().Where(u => u.Email == scorer).Select(u => new { u.Id }).FirstOrDefaultAsync();
        if (user is null || user.Id == scope.UserId)
        {
            return;
        }
        var by = await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => u.FullName).FirstOrDefaultAsync() is { Length: > 0 } name ? name : scope.Name;
        db.Add(new Notification
        {
            UserId = user.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Link = $"/cham-diem/{registration.Id}",
            Title = $"Hồ sơ {registration.SubjectName} ({registration.Title.DisplayName()} {registration.Year}) bị trả lại",
            Body = $"{by} trả lại hồ sơ. Lý do: {reason.Trim()}",
        });
    }

    private static SheetActor ActorOf(UserScope scope, Registration registration) =>
        new(ScoringAccess.CanScore(scope, registration), ScoringAccess.CanReview(scope, registration));

    private static StoredAnswers InPlay(Evaluation evaluation, bool selfAssessed) =>
        StoredAnswers.Parse(ScoringWorkflow.InPlay(selfAssessed, evaluation.Status, evaluation.AnswersJson == "{}") == AnswerSource.Self
            ? evaluation.SelfAnswersJson
            : evaluation.AnswersJson);

    private static async Task<CriteriaSetDefinition> SetOfAsync(AppDbContext db, Evaluation evaluation, CancellationToken ct = default) =>
        CriteriaSetJson.Deserialize(await db.Set<CriteriaSet>().Where(s => s.Id == evaluation.CriteriaSetId).Select(s => s.DefinitionJson).SingleAsync(ct));

    private async Task<EvaluationResult> ScoreAsync(Evaluation evaluation, Registration registration, CriteriaSetDefinition set, StoredAnswers answers)
    {
        var figures = await inputs.GatherAsync(registration.SubjectKind, registration.SubjectId, registration.Year);
        var result = CriteriaEvaluator.Evaluate(set, answers.ToEngine(figures));
        evaluation.TotalTenths = result.Total.Tenths;
        evaluation.Rating = result.Rating ?? "";
        evaluation.MeetsCriteria = result.Recognised;
        return result;
    }

    private void Audit(AppDbContext db, Evaluation evaluation, UserScope scope, string what, string old, string @new, string? reason) =>
        db.Add(new EvaluationAudit
        {
            EvaluationId = evaluation.Id, AtUtc = clock.GetUtcNow().UtcDateTime, By = scope.Name, What = what,
            Old = old, New = @new, Reason = reason?.Trim() ?? "",
        });

    private static async Task<(Evaluation, Registration)> LoadAsync(AppDbContext db, int evaluationId)
    {
        var evaluation = await db.Set<Evaluation>().Include(e => e.Registration).SingleOrDefaultAsync(e => e.Id == evaluationId)
            ?? throw new ForbiddenException("Không tìm thấy hồ sơ chấm này.");
        return (evaluation, evaluation.Registration!);
    }

    // Whatever the caller built: the kind of answer, then range and step in the same words as the score field.
    private static void CheckAnswer(CriteriaItem item, StoredAnswer answer, StoredAnswer? old)
    {
        if (answer.Note.Length > 2000)
        {
            throw new ValidationException($"Tiêu chí {item.Code}: ghi chú minh chứng dài quá 2000 ký tự.");
        }
        switch (item.Kind)
        {
            case ItemKind.Computed when !answer.IsEmpty:
                throw new ValidationException($"Tiêu chí {item.Code} được tính từ số liệu, không nhập tay.");
            case ItemKind.MetNotMet when answer.ScoreTenths is not null:
                throw new ValidationException($"Tiêu chí {item.Code} chỉ đánh giá đạt hoặc chưa đạt.");
            case ItemKind.Points when answer.Met is not null:
                throw new ValidationException($"Tiêu chí {item.Code} cần nhập điểm.");
            case ItemKind.Points when answer.ScoreTenths is { } tenths
                && ScoreInput.Problem(item, tenths / 10m, Points.FromTenths(tenths).ToString()) is { } problem:
                throw new ValidationException($"Tiêu chí {item.Code}: {problem}; {ScoreInput.Kept(old)}.");
        }
    }
}
