using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Scoring;

// TotalTenths is null for a sheet scored by level (a level, no points).
public sealed record BulkReviewSample(string SubjectName, string Village, int? TotalTenths, string Rating);

// A sheet as the committee saw it in the preview: a sheet whose version moved since is not touched.
public readonly record struct SheetVersion(int EvaluationId, int Version);

public sealed record BulkReviewPreview(IReadOnlyList<SheetVersion> Sheets, IReadOnlyList<BulkReviewSample> Sample)
{
    public int Count => Sheets.Count;
}

public sealed record SkippedSheet(int EvaluationId, string SubjectName, string Why);

public sealed record BulkReviewResult(int Changed, IReadOnlyList<SkippedSheet> Skipped);

// The committee approves (Đã chấm → Đã duyệt) or returns (→ Nháp) every submitted sheet of a filter in one action,
// as ReviewAsync and ReturnAsync do one by one: one audit line "Trạng thái" per sheet with the shared reason, and a new
// version per sheet. It works on the sheets of the preview (id and version): a sheet changed by someone else since is
// skipped and reported. The stored total and verdict are trusted, not scored again: computed items are kept fresh by
// whoever changes their inputs (DependentEvaluations, decision 009), and a sheet was complete when it was submitted.
public sealed class BulkReviewService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<BulkReviewForm> validator, TimeProvider clock)
{
    public const int SampleSize = 10;
    private static readonly string[] Reviewers = [Roles.Administrator, Roles.Committee];

    public async Task<BulkReviewPreview> PreviewAsync(BulkReviewForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Reviewers);
        await ValidateAsync(form, withReason: false, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireVillageAsync(db, scope, form.VillageId, ct);
        var sheets = Matching(db, scope, form);
        var versions = await sheets.Select(e => new SheetVersion(e.Id, e.Version)).ToListAsync(ct);
        var byLevel = await LevelSets.OfAsync(db, form.Title, ct);
        var sample = await sheets
            .Select(e => new { e.Registration!.SubjectName, Village = db.Villages.Where(v => v.Id == e.Registration.VillageId).Select(v => new { v.Name, v.SortOrder }).FirstOrDefault(),
                TotalTenths = byLevel.Contains(e.CriteriaSetId) ? (int?)null : e.TotalTenths, e.Rating, e.Id })
            .OrderBy(x => x.Village!.SortOrder).ThenBy(x => x.SubjectName).ThenBy(x => x.Id).Take(SampleSize)
            .ToListAsync(ct);
        return new BulkReviewPreview(versions, sample.Select(x => new BulkReviewSample(x.SubjectName, x.Village?.Name ?? "", x.TotalTenths, x.Rating)).ToList());
    }

    public async Task<BulkReviewResult> ApplyAsync(BulkReviewForm form, IReadOnlyCollection<SheetVersion> seen, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Reviewers);
        await ValidateAsync(form, withReason: true, ct);
        if (seen.Count == 0)
        {
            throw new ValidationException("Không có hồ sơ nào trong bộ lọc này.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var village = await RequireVillageAsync(db, scope, form.VillageId, ct);
        var to = form.Action == BulkReviewAction.Approve ? EvaluationStatus.Reviewed : EvaluationStatus.Draft;
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = form.Reason.Trim() is { Length: > 0 } typed ? typed : "Duyệt hàng loạt";

        // A write transaction: on SQLite nobody else writes between the check of the versions and the update.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Every sheet of the title and year, read by index and matched in memory: filtering 26.000 rows by a list of
        // 26.000 ids in SQL made SQLite walk the list once per row (13 s for 5.000 sheets).
        var current = await db.Set<Evaluation>().AsNoTracking()
            .Where(e => e.Registration!.CommuneId == scope.CommuneId && e.Registration.Title == form.Title && e.Registration.Year == form.Year)
            .Select(e => new { e.Id, e.Version, e.Status, e.MeetsCriteria, e.Registration!.VillageId, e.Registration.SubjectName, e.UpdatedBy, e.UpdatedAtUtc })
            .ToDictionaryAsync(e => e.Id, ct);
        var ready = new List<int>(seen.Count);
        var skipped = new List<SkippedSheet>();
        foreach (var sheet in seen)
        {
            if (!current.TryGetValue(sheet.EvaluationId, out var state))
            {
                skipped.Add(new SkippedSheet(sheet.EvaluationId, "", "không thuộc danh hiệu và năm đã chọn"));
            }
            else if (state.Version != sheet.Version)
            {
                skipped.Add(new SkippedSheet(sheet.EvaluationId, state.SubjectName,
                    $"vừa được {state.UpdatedBy} thay đổi lúc {VnTime.Format(state.UpdatedAtUtc)} (trạng thái hiện tại: {state.Status.Text()})"));
            }
            else if (state.Status != EvaluationStatus.Submitted || state.MeetsCriteria != form.MeetsCriteria || form.VillageId is { } v && state.VillageId != v)
            {
                skipped.Add(new SkippedSheet(sheet.EvaluationId, state.SubjectName, "không thuộc bộ lọc đã chọn"));
            }
            else
            {
                ready.Add(sheet.EvaluationId);
            }
        }
        if (ready.Count > 0)
        {
            var selfAssessed = ScoringTexts.IsSelfAssessed(form.Title) && to == EvaluationStatus.Reviewed;
            // One UPDATE; the ids go as one JSON parameter (EF.Parameter), not as 26.000 SQL parameters.
            var changed = await db.Set<Evaluation>().Where(e => EF.Parameter(ready).Contains(e.Id) && e.Status == EvaluationStatus.Submitted)
                .ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(e => e.Status, to).SetProperty(e => e.Version, e => e.Version + 1)
                        .SetProperty(e => e.UpdatedAtUtc, now).SetProperty(e => e.UpdatedBy, scope.Name);
                    if (selfAssessed)
                    {
                        // As ReviewAsync: a reviewer who changed nothing accepted the self-assessment as it is.
                        s.SetProperty(e => e.AnswersJson, e => e.AnswersJson == "{}" ? e.SelfAnswersJson ?? "{}" : e.AnswersJson);
                    }
                }, ct);
            if (changed != ready.Count)
            {
                // Another writer got in (possible only on a database without a whole-database write lock): change nothing.
                throw new StaleEditException("Hồ sơ vừa được người khác thay đổi trong lúc duyệt. Hãy xem lại danh sách rồi thực hiện lại.");
            }
            var (from, toText) = (EvaluationStatus.Submitted.Text(), to.Text());
            BulkInsert.Insert(db, ready.Select(id => new EvaluationAudit
            {
                EvaluationId = id, AtUtc = now, By = scope.Name, What = "Trạng thái", Old = from, New = toText, Reason = reason,
            }), ct);
            db.ChangeLogs.Add(new ChangeLog
            {
                EntityType = nameof(Commune), EntityId = scope.CommuneId.ToString(CultureInfo.InvariantCulture), Action = "Sửa", By = scope.Name, AtUtc = now,
                Changes = Truncate(string.Create(AppServices.Vietnamese,
                    $"{(to == EvaluationStatus.Reviewed ? "Duyệt" : "Trả lại")} hàng loạt {ready.Count:N0} hồ sơ {form.Title.DisplayName()} năm {form.Year}{(village is null ? "" : " của " + village)}: {from} → {toText}.{(reason.Length > 0 ? " Lý do: " + reason : "")}")),
            });
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new BulkReviewResult(ready.Count, skipped);
    }

    // Submitted sheets of the commune for the title and year (and village), meeting the criteria or not, as the form says.
    private static IQueryable<Evaluation> Matching(AppDbContext db, UserScope scope, BulkReviewForm form)
    {
        var sheets = db.Set<Evaluation>().AsNoTracking().Where(e => e.Status == EvaluationStatus.Submitted && e.MeetsCriteria == form.MeetsCriteria
            && e.Registration!.CommuneId == scope.CommuneId && e.Registration.Title == form.Title && e.Registration.Year == form.Year);
        return form.VillageId is { } village ? sheets.Where(e => e.Registration!.VillageId == village) : sheets;
    }

    private async Task ValidateAsync(BulkReviewForm form, bool withReason, CancellationToken ct)
    {
        var result = withReason
            ? await validator.ValidateAsync(form, ct)
            : await validator.ValidateAsync(form, o => o.IncludeProperties(x => x.Title, x => x.Year, x => x.Action, x => x.MeetsCriteria), ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }

    private static async Task<string?> RequireVillageAsync(AppDbContext db, UserScope scope, int? villageId, CancellationToken ct)
    {
        if (villageId is not { } id)
        {
            return null;
        }
        return await db.Villages.AsNoTracking().Where(v => v.Id == id && v.CommuneId == scope.CommuneId).Select(v => v.Name).SingleOrDefaultAsync(ct)
            ?? throw new ForbiddenException("Thôn này không thuộc xã của bạn.");
    }

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] : text;
}
