using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Features.Emulation;

public sealed record SelfReportView(int? UnitReportId, int? SelfReportId, SelfReportStatus? Status, string ListName, int ListVersion,
    SelfReportForm Form, bool CanEdit, bool CanReview, string ReturnReason, DateTime? SubmittedAtUtc, string SubmittedBy, string ReviewedBy);

public sealed record SelfReportRow(int Id, string SubjectName, ReportSubjectKind SubjectKind, SelfReportStatus Status, int Met, int Partly,
    int NotMet, int ListVersion, string Link);

// The emulation self-report of a unit or a village, attached to its yearly report. The reporter of the report (the
// unit's reporter, the village's khuyến học staff) writes it; the committee accepts it or returns it with a reason.
public sealed class SelfReportService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<SelfReportForm> validator)
{
    private static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Scorer, Roles.UnitReporter, Roles.Viewer];
    public const string NoReportYet = "Hãy lưu nháp báo cáo năm trước, rồi tự đánh giá theo tiêu chí thi đua.";

    private static bool CanRead(UserScope scope, SubjectRef subject) =>
        UnitReportService.CanEdit(scope, subject) || scope.HasRole(Roles.Administrator, Roles.Committee, Roles.Viewer);

    // The yearly results report due before 30/11 (plan VII.9) is the one the self-report is attached to.
    public const string YearlyReportKey = "bao-cao-nam";

    // Null when the deadline is not the yearly results report (e.g. the title registration deadline).
    public async Task<SelfReportView?> GetAsync(int deadlineId, int year, SubjectRef subject, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        if (subject.Kind == ReportSubjectKind.Commune || !CanRead(scope, subject))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Deadline>().AnyAsync(d => d.Id == deadlineId && d.CommuneId == scope.CommuneId && d.DefaultKey == YearlyReportKey, ct))
        {
            return null;
        }
        var reportId = await db.Set<UnitReport>().AsNoTracking()
            .Where(r => r.CommuneId == scope.CommuneId && r.DeadlineId == deadlineId && r.Year == year && r.SubjectKind == subject.Kind && r.SubjectId == subject.Id)
            .Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        var self = reportId is null ? null : await db.Set<EmulationSelfReport>().AsNoTracking().Include(s => s.Lines)
            .SingleOrDefaultAsync(s => s.UnitReportId == reportId, ct);
        var kind = await KindOfAsync(db, scope.CommuneId, subject);
        var list = await db.Set<EmulationCriteriaList>().AsNoTracking().Include(l => l.Criteria)
            .Where(l => self == null ? l.Kind == kind && l.IsCurrent : l.Id == self.CriteriaListId)
            .SingleOrDefaultAsync(ct) ?? throw new ValidationException("Chưa có danh sách tiêu chí thi đua cho loại này: hãy báo quản trị viên.");
        var form = new SelfReportForm
        {
            UnitReportId = reportId ?? 0, CriteriaListId = list.Id, Version = self?.Version ?? 0,
            Lines = list.Criteria.OrderBy(c => c.Position).Select(c =>
            {
                var line = self?.Lines.SingleOrDefault(l => l.CriterionId == c.Id);
                return new SelfReportLineForm
                {
                    CriterionId = c.Id, Position = c.Position, CriterionText = c.Text,
                    Outcome = line?.Outcome, Evidence = line?.Evidence ?? "", Note = line?.Note ?? "",
                };
            }).ToList(),
        };
        var editable = self is null or { Status: SelfReportStatus.Draft or SelfReportStatus.Returned };
        return new SelfReportView(reportId, self?.Id, self?.Status, list.Name, list.VersionNumber, form,
            reportId is not null && editable && UnitReportService.CanEdit(scope, subject),
            self?.Status == SelfReportStatus.Submitted && scope.HasRole(Roles.Administrator, Roles.Committee),
            self?.ReturnReason ?? "", self?.SubmittedAtUtc, self?.SubmittedBy ?? "", self?.ReviewedBy ?? "");
    }

    public Task<int> SaveDraftAsync(SelfReportForm form)
    {
        form.Submit = false;
        return SaveAsync(form);
    }

    public Task<int> SubmitAsync(SelfReportForm form)
    {
        form.Submit = true;
        return SaveAsync(form);
    }

    private async Task<int> SaveAsync(SelfReportForm form)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.UnitReporter, Roles.Scorer, Roles.Committee);
        await using var db = await dbFactory.CreateForAsync(scope);
        var report = await db.Set<UnitReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == form.UnitReportId && r.CommuneId == scope.CommuneId)
            ?? throw new ValidationException(NoReportYet);
        var subject = new SubjectRef(report.SubjectKind, report.SubjectId);
        var yearly = await db.Set<Deadline>().AnyAsync(d => d.Id == report.DeadlineId && d.DefaultKey == YearlyReportKey);
        if (!yearly || subject.Kind == ReportSubjectKind.Commune || !UnitReportService.CanEdit(scope, subject))
        {
            throw new ForbiddenException("Bạn không phải người báo cáo của nơi này.");
        }
        await validator.ValidateAndThrowAsync(form);
        var self = await db.Set<EmulationSelfReport>().Include(s => s.Lines).SingleOrDefaultAsync(s => s.UnitReportId == report.Id);
        if (self is { Status: SelfReportStatus.Submitted or SelfReportStatus.Accepted })
        {
            throw new ValidationException("Bản tự đánh giá đã nộp; chỉ sửa được khi Ban chỉ đạo trả lại.");
        }
        if (self is null)
        {
            var kind = await KindOfAsync(db, scope.CommuneId, subject);
            var current = await db.Set<EmulationCriteriaList>().AsNoTracking().Where(l => l.Kind == kind && l.IsCurrent).Select(l => l.Id).SingleAsync();
            if (current != form.CriteriaListId)
            {
                throw new ValidationException("Danh sách tiêu chí vừa được cập nhật. Hãy tải lại trang để tự đánh giá theo bản mới.");
            }
            self = new EmulationSelfReport
            {
                CommuneId = scope.CommuneId, UnitReportId = report.Id, Year = report.Year, SubjectKind = subject.Kind, SubjectId = subject.Id,
                CriteriaListId = current,
            };
            db.Add(self);
        }
        else
        {
            db.Entry(self).Property(s => s.Version).OriginalValue = form.Version;
        }
        var criteria = await db.Set<EmulationCriterion>().AsNoTracking().Where(c => c.ListId == self.CriteriaListId).Select(c => c.Id).ToListAsync();
        if (!criteria.Order().SequenceEqual(form.Lines.Select(l => l.CriterionId).Order()))
        {
            throw new ValidationException("Các dòng tự đánh giá không khớp danh sách tiêu chí. Hãy tải lại trang.");
        }
        foreach (var line in form.Lines)
        {
            var row = self.Lines.SingleOrDefault(l => l.CriterionId == line.CriterionId);
            if (row is null)
            {
                self.Lines.Add(row = new EmulationSelfReportLine { CriterionId = line.CriterionId });
            }
            row.Outcome = line.Outcome;
            row.Evidence = line.Evidence.Trim();
            row.Note = line.Note.Trim();
        }
        if (form.Submit)
        {
            self.Status = SelfReportStatus.Submitted;
            self.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
            self.SubmittedBy = scope.Name;
            self.ReturnReason = "";
        }
        // The report's own row carries the audit line even when only the answers changed.
        if (self.Id != 0)
        {
            db.Entry(self).Property(s => s.UpdatedAtUtc).IsModified = true;
        }
        await db.SaveOrConflictAsync("Bản tự đánh giá này");
        return self.Id;
    }

    public Task AcceptAsync(int selfReportId) => ReviewAsync(selfReportId, null);

    public Task ReturnAsync(int selfReportId, string reason) => ReviewAsync(selfReportId, reason.Trim());

    // returnReason null accepts the report; otherwise it is sent back with the reason.
    private async Task ReviewAsync(int selfReportId, string? returnReason)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee);
        if (returnReason is { Length: 0 })
        {
            throw new ValidationException("Hãy ghi lý do trả lại bản tự đánh giá.");
        }
        returnReason = returnReason?.Length > 1000 ? returnReason[..1000] : returnReason;
        await using var db = await dbFactory.CreateForAsync(scope);
        var self = await db.Set<EmulationSelfReport>().SingleOrDefaultAsync(s => s.Id == selfReportId && s.CommuneId == scope.CommuneId)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        if (self.Status != SelfReportStatus.Submitted)
        {
            throw new ValidationException("Chỉ xem xét được bản tự đánh giá đã nộp.");
        }
        self.Status = returnReason is null ? SelfReportStatus.Accepted : SelfReportStatus.Returned;
        self.ReturnReason = returnReason ?? "";
        self.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        self.ReviewedBy = scope.Name;
        await db.SaveOrConflictAsync("Bản tự đánh giá này");
    }

    // The committee's list of a year's self-reports with the count of each outcome.
    public async Task<IReadOnlyList<SelfReportRow>> ListAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee, Roles.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<EmulationSelfReport>().AsNoTracking().Where(s => s.CommuneId == scope.CommuneId && s.Year == year)
            .Select(s => new
            {
                s.Id, s.SubjectKind, s.SubjectId, s.Status,
                Met = s.Lines.Count(l => l.Outcome == CriterionOutcome.Met),
                Partly = s.Lines.Count(l => l.Outcome == CriterionOutcome.Partly),
                NotMet = s.Lines.Count(l => l.Outcome == CriterionOutcome.NotMet),
                ListVersion = db.Set<EmulationCriteriaList>().Where(l => l.Id == s.CriteriaListId).Select(l => l.VersionNumber).Single(),
                DeadlineId = db.Set<UnitReport>().Where(r => r.Id == s.UnitReportId).Select(r => r.DeadlineId).Single(),
            }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == scope.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == scope.CommuneId).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return rows.Select(r =>
        {
            var subject = new SubjectRef(r.SubjectKind, r.SubjectId);
            var name = (r.SubjectKind == ReportSubjectKind.Unit ? units : villages).GetValueOrDefault(r.SubjectId, "");
            return new SelfReportRow(r.Id, name, r.SubjectKind, r.Status, r.Met, r.Partly, r.NotMet, r.ListVersion,
                ReminderPlanner.ReportLink(r.DeadlineId, year, subject));
        }).OrderBy(r => r.SubjectKind).ThenBy(r => r.SubjectName, StringComparer.Create(Setup.AppServices.Vietnamese, false)).ToList();
    }

    private static async Task<ParticipantKind> KindOfAsync(AppDbContext db, int communeId, SubjectRef subject)
    {
        if (subject.Kind == ReportSubjectKind.Village)
        {
            return ParticipantKind.Villages;
        }
        var unitKind = await db.Units.Where(u => u.Id == subject.Id && u.CommuneId == communeId).Select(u => (UnitKind?)u.Kind).SingleOrDefaultAsync()
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        return ParticipantKinds.ForUnit(unitKind);
    }
}
