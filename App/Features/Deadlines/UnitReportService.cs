using System.Text.Json;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Deadlines;

public enum BoardStatus
{
    Missing = 1,
    Draft = 2,
    OnTime = 3,
    Late = 4,
    Returned = 5,
}

public sealed record MyReportRow(int DeadlineId, string DeadlineName, DateOnly Due, SubjectRef Subject, string SubjectName,
    BoardStatus Status, string Link)
{
    public string StatusText => ReportTexts.Status(Status);
}

public sealed record ReportView(ReportForm Form, string DeadlineName, DateOnly Due, string SubjectName, BoardStatus Status,
    bool CanEdit, bool CanReturn, bool Locked, string LockReason, DateOnly? ExceptionUntil, int? ReportId, string? AttachmentName,
    string ReturnReason, DateTime? SubmittedAtUtc, string SubmittedBy, string LevelAboveName, string? ConsolidatedNote);

public static class ReportTexts
{
    public static string Status(BoardStatus status) => status switch
    {
        BoardStatus.Missing => "Chưa nộp",
        BoardStatus.Draft => "Chưa nộp (đang soạn)",
        BoardStatus.OnTime => "Đã nộp đúng hạn",
        BoardStatus.Late => "Nộp muộn",
        _ => "Bị trả lại",
    };

    public static BoardStatus Of(ReportStatus? status, bool onTime) => status switch
    {
        null => BoardStatus.Missing,
        ReportStatus.Draft => BoardStatus.Draft,
        ReportStatus.Returned => BoardStatus.Returned,
        _ => onTime ? BoardStatus.OnTime : BoardStatus.Late,
    };
}

// The yearly report of a unit, a village or the committee: prefilled figures, free text, an attachment, then submission.
// After the due date a first submission is locked unless an administrator granted an exception; a returned report may
// always be sent again.
public sealed class UnitReportService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    AppSettings settings,
    IValidator<ReportForm> validator)
{
    private static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Scorer, Roles.UnitReporter, Roles.Viewer];

    public static bool CanEdit(UserScope scope, SubjectRef subject) => subject.Kind switch
    {
        ReportSubjectKind.Unit => scope is { Role: Roles.UnitReporter, Kind: ScopeKind.Unit } && scope.UnitId == subject.Id,
        ReportSubjectKind.Village => scope is { Role: Roles.Scorer, Kind: ScopeKind.Villages } && scope.VillageIds.Contains(subject.Id),
        _ => scope.Role == Roles.Committee && scope.CommuneId == subject.Id,
    };

    private static bool CanRead(UserScope scope, SubjectRef subject) =>
        CanEdit(scope, subject) || scope.HasRole(Roles.Administrator, Roles.Committee) || (scope.Role == Roles.Viewer && ViewerCovers(scope, subject));

    // A viewer reads what their scope covers as the registers draw it: a villages scope its own villages' reports; the
    // units' and the committee's are commune-wide, read by every scope but a unit's, which reads its own unit's.
    private static bool ViewerCovers(UserScope scope, SubjectRef subject) => scope.Kind switch
    {
        ScopeKind.Commune => true,
        ScopeKind.Villages => subject.Kind != ReportSubjectKind.Village || scope.VillageIds.Contains(subject.Id),
        ScopeKind.Unit => subject.Kind == ReportSubjectKind.Unit && subject.Id == scope.UnitId,
        _ => false,
    };

    // The reports the signed-in person has to submit for a year.
    public async Task<IReadOnlyList<MyReportRow>> MyReportsAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadlines = await db.Set<Deadline>().AsNoTracking().Where(d => d.CommuneId == scope.CommuneId && d.Active && d.DefaultKey != DeadlineService.RegistrationKey)
            .OrderBy(d => d.DueMonth).ThenBy(d => d.DueDay).ToListAsync(ct);
        var communeName = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync(ct);
        var rows = new List<MyReportRow>();
        foreach (var deadline in deadlines)
        {
            var mine = (await ReportObligations.ExpectedSubjectsAsync(db, deadline, year, communeName, ct)).Where(s => CanEdit(scope, s.Ref)).ToList();
            if (mine.Count == 0)
            {
                continue;
            }
            var reports = await db.Set<UnitReport>().AsNoTracking().Where(r => r.DeadlineId == deadline.Id && r.Year == year)
                .Select(r => new { r.SubjectKind, r.SubjectId, r.Status, r.OnTime }).ToListAsync(ct);
            foreach (var (subject, name) in mine)
            {
                var report = reports.FirstOrDefault(r => r.SubjectKind == subject.Kind && r.SubjectId == subject.Id);
                rows.Add(new MyReportRow(deadline.Id, deadline.Name, deadline.DueDate(year), subject, name,
                    ReportTexts.Of(report?.Status, report?.OnTime ?? false), ReminderPlanner.ReportLink(deadline.Id, year, subject)));
            }
        }
        return rows;
    }

    public async Task<ReportView> GetAsync(int deadlineId, int year, SubjectRef subject, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        if (!CanRead(scope, subject))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadline = await LoadDeadlineAsync(db, scope, deadlineId, ct);
        var subjectName = await SubjectNameAsync(db, scope.CommuneId, subject, deadline, ct);
        var report = await db.Set<UnitReport>().AsNoTracking()
            .Where(r => r.DeadlineId == deadlineId && r.Year == year && r.SubjectKind == subject.Kind && r.SubjectId == subject.Id)
            .Select(r => new { r.Id, r.Version, r.Status, r.OnTime, r.FiguresJson, r.Text, r.AttachmentName, r.ReturnReason, r.SubmittedAtUtc, r.SubmittedBy })
            .SingleOrDefaultAsync(ct);
        var exception = await ExceptionUntilAsync(db, deadlineId, year, subject, ct);
        var canEdit = CanEdit(scope, subject);
        var (locked, lockReason) = LockState(deadline, year, report?.Status, exception);
        var submitted = report?.Status == ReportStatus.Submitted;
        var form = new ReportForm
        {
            DeadlineId = deadlineId, Year = year, SubjectKind = subject.Kind, SubjectId = subject.Id, Version = report?.Version ?? 0,
            Figures = report is null ? await FiguresAsync(db, scope.CommuneId, subject, year, ct) : JsonSerializer.Deserialize<List<FigureLine>>(report.FiguresJson) ?? [],
            Text = report?.Text ?? "",
        };
        string? consolidated = null;
        if (subject.Kind == ReportSubjectKind.Commune)
        {
            var others = await db.Set<Deadline>().AsNoTracking()
                .Where(d => d.CommuneId == scope.CommuneId && d.Active && d.Id != deadlineId && d.Audience != DeadlineAudience.Committee).ToListAsync(ct);
            var parts = new List<string>();
            foreach (var other in others.Where(o => o.DueDate(year) <= deadline.DueDate(year)))
            {
                var expected = await ReportObligations.CountExpectedAsync(db, other, year, ct);
                var count = await db.Set<UnitReport>().CountAsync(r => r.DeadlineId == other.Id && r.Year == year && r.Status == ReportStatus.Submitted, ct);
                parts.Add($"{other.Name}: {count}/{expected} nơi đã nộp");
            }
            consolidated = string.Join("; ", parts);
        }
        return new ReportView(form, deadline.Name, deadline.DueDate(year), subjectName, ReportTexts.Of(report?.Status, report?.OnTime ?? false),
            canEdit && !locked && !submitted, scope.HasRole(Roles.Administrator, Roles.Committee) && submitted && subject.Kind != ReportSubjectKind.Commune,
            canEdit && locked && !submitted, lockReason, exception, report?.Id, report?.AttachmentName, report?.ReturnReason ?? "", report?.SubmittedAtUtc,
            report?.SubmittedBy ?? "",
            settings.Reminders.LevelAbove(await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Province!.Name).SingleAsync(ct)), consolidated);
    }

    // Registered and recognised per title in the subject's scope, from the app's own registrations and evaluations.
    public static async Task<List<FigureLine>> FiguresAsync(AppDbContext db, int communeId, SubjectRef subject, int year, CancellationToken ct = default)
    {
        Title[] titles = subject.Kind switch
        {
            ReportSubjectKind.Unit => [Title.UnitLearning],
            ReportSubjectKind.Village => [Title.FamilyLearning, Title.VillageCommunity, Title.CitizenLearning],
            _ => Enum.GetValues<Title>(),
        };
        var registrations = db.Set<Registration>().AsNoTracking().Where(r => r.CommuneId == communeId && r.Year == year);
        registrations = subject.Kind switch
        {
            ReportSubjectKind.Unit => registrations.Where(r => r.SubjectKind == SubjectKind.Unit && r.SubjectId == subject.Id),
            ReportSubjectKind.Village => registrations.Where(r => r.VillageId == subject.Id),
            _ => registrations,
        };
        var counts = await registrations.GroupBy(r => r.Title)
            .Select(g => new { Title = g.Key, Registered = g.Count(), Recognised = g.Count(r => r.Evaluation != null && r.Evaluation.Status == EvaluationStatus.Recognised) })
            .ToListAsync(ct);
        return titles.Select(t => new FigureLine
        {
            Title = t,
            Registered = counts.FirstOrDefault(c => c.Title == t)?.Registered ?? 0,
            Recognised = counts.FirstOrDefault(c => c.Title == t)?.Recognised ?? 0,
        }).ToList();
    }

    public async Task<List<FigureLine>> RefreshFiguresAsync(SubjectRef subject, int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        if (!CanRead(scope, subject))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FiguresAsync(db, scope.CommuneId, subject, year, ct);
    }

    public Task SaveDraftAsync(ReportForm form, CancellationToken ct = default) => SaveAsync(form, submit: false, ct);

    public Task SubmitAsync(ReportForm form, CancellationToken ct = default) => SaveAsync(form, submit: true, ct);

    private async Task SaveAsync(ReportForm form, bool submit, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.UnitReporter, Roles.Scorer, Roles.Committee);
        if (!CanEdit(scope, form.Subject))
        {
            throw new ForbiddenException("Bạn không phải người báo cáo của nơi này.");
        }
        await validator.ValidateAndThrowAsync(form, ct);
        // The type is the extension's, checked like every other upload; the browser's claim is not trusted.
        var attachmentType = form.AttachmentContent is { } content
            ? StoredFiles.DocumentType(form.AttachmentName ?? "", content.Length, "tệp đính kèm")
            : null;
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var deadline = await LoadDeadlineAsync(db, scope, form.DeadlineId, ct);
        var communeName = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync(ct);
        if (!(await ReportObligations.ExpectedSubjectsAsync(db, deadline, form.Year, communeName, ct)).Any(s => s.Ref == form.Subject))
        {
            throw new ValidationException("Hạn báo cáo này không áp dụng cho nơi này.");
        }
        var report = await db.Set<UnitReport>().SingleOrDefaultAsync(r => r.DeadlineId == form.DeadlineId && r.Year == form.Year
            && r.SubjectKind == form.SubjectKind && r.SubjectId == form.SubjectId, ct);
        if (report?.Status == ReportStatus.Submitted)
        {
            throw new ValidationException("Báo cáo đã nộp; chỉ sửa được khi Ban chỉ đạo trả lại.");
        }
        var exception = await ExceptionUntilAsync(db, form.DeadlineId, form.Year, form.Subject, ct);
        var (locked, reason) = LockState(deadline, form.Year, report?.Status, exception);
        if (locked)
        {
            throw new ValidationException(reason);
        }
        if (report is null)
        {
            report = new UnitReport { CommuneId = scope.CommuneId, DeadlineId = form.DeadlineId, Year = form.Year, SubjectKind = form.SubjectKind, SubjectId = form.SubjectId };
            db.Add(report);
        }
        else
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
        }
        report.FiguresJson = JsonSerializer.Serialize(form.Figures);
        report.Text = form.Text.Trim();
        if (form.AttachmentContent is not null)
        {
            report.AttachmentName = Path.GetFileName(form.AttachmentName);
            report.AttachmentContentType = attachmentType;
            report.AttachmentContent = form.AttachmentContent;
        }
        else if (form.RemoveAttachment)
        {
            report.AttachmentName = report.AttachmentContentType = null;
            report.AttachmentContent = null;
        }
        if (submit)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            report.Status = ReportStatus.Submitted;
            report.SubmittedAtUtc = now;
            report.SubmittedBy = scope.Name;
            report.ReturnReason = "";
            if (report.FirstSubmittedAtUtc is null)
            {
                report.FirstSubmittedAtUtc = now;
                report.OnTime = new VnClock(clock).Today <= deadline.DueDate(form.Year);
            }
        }
        else if (report.Status != ReportStatus.Returned)
        {
            report.Status = ReportStatus.Draft;
        }
        await db.SaveOrConflictAsync("Báo cáo này", ct);
    }

    // The committee sends a submitted report back with a reason; the reporter may then correct and send it again.
    public async Task ReturnAsync(int reportId, string reason, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationException("Hãy ghi lý do trả lại báo cáo.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var report = await db.Set<UnitReport>().SingleOrDefaultAsync(r => r.Id == reportId && r.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        if (report.Status != ReportStatus.Submitted)
        {
            throw new ValidationException("Chỉ trả lại được báo cáo đã nộp.");
        }
        report.Status = ReportStatus.Returned;
        report.ReturnReason = reason.Trim().Length > 1000 ? reason.Trim()[..1000] : reason.Trim();
        await db.SaveChangesAsync(ct);
    }

    public async Task<(string Name, string ContentType, byte[] Content)?> GetAttachmentAsync(int reportId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Set<UnitReport>().AsNoTracking().Where(r => r.Id == reportId && r.CommuneId == scope.CommuneId)
            .Select(r => new { r.SubjectKind, r.SubjectId, r.AttachmentName, r.AttachmentContentType, r.AttachmentContent }).SingleOrDefaultAsync(ct);
        if (report is null || !CanRead(scope, new SubjectRef(report.SubjectKind, report.SubjectId)))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        return report.AttachmentContent is null ? null : (report.AttachmentName ?? "tep", report.AttachmentContentType ?? "application/octet-stream", report.AttachmentContent);
    }

    private (bool Locked, string Reason) LockState(Deadline deadline, int year, ReportStatus? status, DateOnly? exceptionUntil)
    {
        var today = new VnClock(clock).Today;
        var due = deadline.DueDate(year);
        if (today <= due || status == ReportStatus.Returned)
        {
            return (false, "");
        }
        if (exceptionUntil is { } until)
        {
            return until >= today
                ? (false, "")
                : (true, $"Đã hết thời gian được phép nộp muộn (đến hết ngày {VnTime.FormatDate(until)}). Hãy liên hệ quản trị viên.");
        }
        return (true, $"Đã quá hạn nộp ({VnTime.FormatDate(due)}) nên không nộp được nữa. Hãy liên hệ quản trị viên để được cho phép nộp muộn.");
    }

    private static async Task<DateOnly?> ExceptionUntilAsync(AppDbContext db, int deadlineId, int year, SubjectRef subject, CancellationToken ct = default) =>
        await db.Set<SubmissionException>().AsNoTracking()
            .Where(x => x.DeadlineId == deadlineId && x.Year == year && x.SubjectKind == subject.Kind && x.SubjectId == subject.Id)
            .Select(x => (DateOnly?)x.AllowedUntil).SingleOrDefaultAsync(ct);

    private static async Task<Deadline> LoadDeadlineAsync(AppDbContext db, UserScope scope, int deadlineId, CancellationToken ct = default) =>
        await db.Set<Deadline>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deadlineId && d.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);

    private static async Task<string> SubjectNameAsync(AppDbContext db, int communeId, SubjectRef subject, Deadline deadline, CancellationToken ct = default) => subject.Kind switch
    {
        ReportSubjectKind.Unit => await db.Units.Where(u => u.Id == subject.Id && u.CommuneId == communeId).Select(u => u.Name).SingleOrDefaultAsync(ct),
        ReportSubjectKind.Village => await db.Villages.Where(v => v.Id == subject.Id && v.CommuneId == communeId).Select(v => v.Name).SingleOrDefaultAsync(ct),
        _ => subject.Id == communeId ? "Ban chỉ đạo xã " + await db.Communes.Where(c => c.Id == communeId).Select(c => c.Name).SingleAsync(ct) : null,
    } ?? throw new ForbiddenException(UserMessages.NotInScope);
}
