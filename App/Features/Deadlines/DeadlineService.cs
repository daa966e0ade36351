namespace HocTapSuotDoi.Features.Deadlines;

public sealed record DeadlineRow(int Id, string Name, DeadlineAudience Audience, int DueDay, int DueMonth, string ReminderOffsets,
    int OverdueEveryDays, int OverdueMaxCount, bool EscalateToCommittee, string EscalationEmails, bool Active)
{
    public string DueText => $"{DueDay:00}/{DueMonth:00} hằng năm";
    public string AudienceText => DeadlineTexts.Audience(Audience);
    // The 31/03 registration season: a deadline to register for the titles, not a report anyone submits.
    public bool IsRegistration { get; init; }
}

public static class DeadlineTexts
{
    public static string Audience(DeadlineAudience audience) => string.Join(", ", new[]
    {
        audience.HasFlag(DeadlineAudience.Units) ? "các đơn vị" : null,
        audience.HasFlag(DeadlineAudience.Villages) ? "các thôn" : null,
        audience.HasFlag(DeadlineAudience.Committee) ? "Ban chỉ đạo" : null,
    }.OfType<string>());

    public static string Kind(ReportSubjectKind kind) => kind switch
    {
        ReportSubjectKind.Unit => "Đơn vị",
        ReportSubjectKind.Village => "Thôn",
        _ => "Ban chỉ đạo",
    };
}

// Deadlines as data (administrators) and the exceptions that let a late subject submit after the due date.
public sealed class DeadlineService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<DeadlineForm> validator,
    IValidator<ExceptionForm> exceptionValidator)
{
    private static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Scorer, Roles.UnitReporter, Roles.Viewer];

    public const string RegistrationKey = "dang-ky-danh-hieu";

    // The deadlines every commune starts with (the commune plan, section VII.9, and the registration season).
    public static IReadOnlyList<Deadline> Defaults(int communeId) =>
    [
        new() { CommuneId = communeId, DefaultKey = "bao-cao-nam", Name = "Báo cáo kết quả xây dựng xã hội học tập",
            Audience = DeadlineAudience.Units | DeadlineAudience.Villages, DueDay = 30, DueMonth = 11, EscalateToCommittee = true },
        new() { CommuneId = communeId, DefaultKey = "bao-cao-cap-tren", Name = "Báo cáo của Ban chỉ đạo gửi cấp trên",
            Audience = DeadlineAudience.Committee, DueDay = 5, DueMonth = 12, EscalateToCommittee = false },
        new() { CommuneId = communeId, DefaultKey = RegistrationKey, Name = "Đăng ký danh hiệu học tập",
            Audience = DeadlineAudience.Units | DeadlineAudience.Villages, DueDay = 31, DueMonth = 3, EscalateToCommittee = true },
    ];

    // Adds the default deadlines a commune does not have yet (found by their key): safe at every start.
    public static async Task EnsureDefaultsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var communes = await db.Communes.Select(c => c.Id).ToListAsync(ct);
        var existing = (await db.Set<Deadline>().Where(d => d.DefaultKey != null).Select(d => new { d.CommuneId, d.DefaultKey }).ToListAsync(ct))
            .Select(d => (d.CommuneId, d.DefaultKey)).ToHashSet();
        foreach (var communeId in communes)
        {
            db.AddRange(Defaults(communeId).Where(d => !existing.Contains((communeId, d.DefaultKey))));
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<DeadlineRow>> ListAsync(bool activeOnly = false, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Deadline>().AsNoTracking().Where(d => d.CommuneId == scope.CommuneId && (!activeOnly || d.Active))
            .OrderBy(d => d.DueMonth).ThenBy(d => d.DueDay).ThenBy(d => d.Id)
            .Select(d => new DeadlineRow(d.Id, d.Name, d.Audience, d.DueDay, d.DueMonth, d.ReminderOffsets, d.OverdueEveryDays,
                d.OverdueMaxCount, d.EscalateToCommittee, d.EscalationEmails, d.Active) { IsRegistration = d.DefaultKey == RegistrationKey })
            .ToListAsync(ct);
    }

    public async Task<DeadlineForm> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Set<Deadline>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        return new DeadlineForm
        {
            Id = d.Id, Version = d.Version, Name = d.Name, ForUnits = d.Audience.HasFlag(DeadlineAudience.Units),
            ForVillages = d.Audience.HasFlag(DeadlineAudience.Villages), ForCommittee = d.Audience.HasFlag(DeadlineAudience.Committee),
            DueDay = d.DueDay, DueMonth = d.DueMonth, ReminderOffsets = string.Join(", ", d.Offsets), OverdueEveryDays = d.OverdueEveryDays,
            OverdueMaxCount = d.OverdueMaxCount, EscalateToCommittee = d.EscalateToCommittee, EscalationEmails = d.EscalationEmails, Active = d.Active,
        };
    }

    public async Task<int> SaveAsync(DeadlineForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        Deadline deadline;
        if (form.Id is { } id)
        {
            deadline = await db.EditedRowAsync(db.Set<Deadline>().Where(d => d.Id == id && d.CommuneId == scope.CommuneId), form.Version, ct);
        }
        else
        {
            deadline = new Deadline { CommuneId = scope.CommuneId, Name = "" };
            db.Add(deadline);
        }
        deadline.Name = form.Name.Trim();
        deadline.Audience = form.Audience;
        deadline.DueDay = form.DueDay;
        deadline.DueMonth = form.DueMonth;
        deadline.ReminderOffsets = string.Join(",", DeadlineDates.ParseOffsets(form.ReminderOffsets)!);
        deadline.OverdueEveryDays = form.OverdueEveryDays;
        deadline.OverdueMaxCount = form.OverdueMaxCount;
        deadline.EscalateToCommittee = form.EscalateToCommittee;
        deadline.EscalationEmails = string.Join(", ", DeadlineDates.ParseEmails(form.EscalationEmails));
        deadline.Active = form.Active;
        await db.SaveOrConflictAsync("Hạn báo cáo này", ct);
        return deadline.Id;
    }

    // Lets one late subject submit until a given day (a second grant for the same subject replaces the first).
    public async Task GrantExceptionAsync(ExceptionForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await exceptionValidator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var deadline = await db.Set<Deadline>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == form.DeadlineId && d.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        var until = DateOnly.FromDateTime(form.AllowedUntil!.Value);
        var today = new VnClock(clock).Today;
        if (until < today)
        {
            throw new ValidationException($"Ngày cuối được nộp muộn ({VnTime.FormatDate(until)}) đã qua.");
        }
        if (until <= deadline.DueDate(form.Year))
        {
            throw new ValidationException($"Ngày cuối được nộp muộn phải sau hạn nộp ({VnTime.FormatDate(deadline.DueDate(form.Year))}).");
        }
        var exception = await db.Set<SubmissionException>().SingleOrDefaultAsync(x => x.DeadlineId == form.DeadlineId && x.Year == form.Year
            && x.SubjectKind == form.SubjectKind && x.SubjectId == form.SubjectId, ct);
        if (exception is null)
        {
            exception = new SubmissionException { DeadlineId = form.DeadlineId, Year = form.Year, SubjectKind = form.SubjectKind, SubjectId = form.SubjectId };
            db.Add(exception);
        }
        exception.AllowedUntil = until;
        exception.Reason = form.Reason.Trim();
        await db.SaveChangesAsync(ct);
    }
}
