using Hangfire;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Deadlines;

public sealed record BoardRow(SubjectRef Subject, string Name, IReadOnlyList<string> Reporters, BoardStatus Status,
    DateTime? SubmittedAtUtc, DateOnly? ExceptionUntil, int? ReportId, string Link)
{
    public string KindText => DeadlineTexts.Kind(Subject.Kind);
    public string StatusText => ReportTexts.Status(Status);
    public bool IsLate => Status is BoardStatus.Late || (Status is BoardStatus.Missing or BoardStatus.Draft or BoardStatus.Returned && Overdue);
    public bool Overdue { get; init; }
}

// What "Nhắc ngay" really did: people reminded now, people already reminded today (not again), places without an account.
public sealed record RemindResult(int Reminded, int AlreadyToday, int WithoutAccount, bool EmailEnabled)
{
    public string Text
    {
        get
        {
            var notes = new List<string>();
            if (AlreadyToday > 0)
            {
                notes.Add($"{AlreadyToday} người đã được nhắc hôm nay nên không nhắc lại");
            }
            if (WithoutAccount > 0)
            {
                notes.Add($"{WithoutAccount} nơi chưa có tài khoản báo cáo nên không có ai để nhắc");
            }
            var rest = notes.Count == 0 ? "." : "; " + string.Join("; ", notes) + ".";
            return Reminded == 0
                ? "Chưa nhắc ai" + (notes.Count == 0 ? ": các nơi đã chọn đều đã nộp." : ": " + string.Join("; ", notes) + ".")
                : $"Đã nhắc {Reminded} người" + (EmailEnabled ? " (thông báo trong phần mềm ngay, e-mail gửi trong nền: xem Nhật ký nhắc việc)" : " trong phần mềm (e-mail đang tắt)") + rest;
        }
    }
}

public sealed record Board(int DeadlineId, string DeadlineName, int Year, DateOnly Due, string DaysText, int Expected, int Submitted,
    int OnTime, int Late, IReadOnlyList<BoardRow> Rows);

public sealed record ReminderLogRow(long Id, DateTime CreatedAtUtc, DateTime? SentAtUtc, string Recipient, string Email, string Deadline,
    int Year, ReminderKind Kind, ReminderChannel Channel, DispatchStatus Status, string Subject, int Attempts, string LastError)
{
    public string KindText => Kind switch
    {
        ReminderKind.Before => "Nhắc trước hạn",
        ReminderKind.Overdue => "Nhắc quá hạn",
        ReminderKind.Escalation => "Báo cáo lên cấp trên",
        _ => "Nhắc ngay",
    };

    public string ChannelText => Channel == ReminderChannel.InApp ? "Trong phần mềm" : "E-mail";

    public string StatusText => Status switch
    {
        DispatchStatus.Sent => "Đã gửi",
        DispatchStatus.Cancelled => "Không gửi nữa",
        _ => Attempts > 0 ? $"Chờ gửi lại ({Attempts} lần lỗi)" : LastError.Length > 0 ? "Chờ gửi lại" : "Đang chờ gửi",
    };
}

// The committee's view: who has and has not reported for a deadline and year, immediate reminders, the reminder log.
public sealed class ComplianceService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    AppSettings settings,
    ReportObligations obligations,
    ReminderLedger ledger,
    IEmailSender email,
    IBackgroundJobClient jobs)
{
    private static readonly string[] Committee = [Roles.Administrator, Roles.Committee];

    public bool EmailEnabled => email.Enabled;

    public async Task<Board> BoardAsync(int deadlineId, int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Committee);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadline = await db.Set<Deadline>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deadlineId && d.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        var state = await obligations.LoadAsync(db, deadline, year, ct);
        var reports = (await db.Set<UnitReport>().AsNoTracking().Where(r => r.DeadlineId == deadlineId && r.Year == year)
                .Select(r => new { r.Id, r.SubjectKind, r.SubjectId, r.Status, r.OnTime, r.SubmittedAtUtc }).ToListAsync(ct))
            .ToDictionary(r => new SubjectRef(r.SubjectKind, r.SubjectId));
        var today = new VnClock(clock).Today;
        var due = deadline.DueDate(year);
        var rows = state.Subjects.Select(s =>
        {
            var report = reports.GetValueOrDefault(s.Ref);
            return new BoardRow(s.Ref, s.Name, state.Reporters.GetValueOrDefault(s.Ref)?.Select(r => r.Name).ToList() ?? [],
                ReportTexts.Of(report?.Status, report?.OnTime ?? false), report?.SubmittedAtUtc, s.ExceptionUntil, report?.Id,
                ReminderPlanner.ReportLink(deadlineId, year, s.Ref)) { Overdue = today > due };
        }).ToList();
        return new Board(deadlineId, deadline.Name, year, due, ReminderTexts.DaysText(due, today), rows.Count,
            rows.Count(r => r.Status is BoardStatus.OnTime or BoardStatus.Late), rows.Count(r => r.Status == BoardStatus.OnTime),
            rows.Count(r => r.Status == BoardStatus.Late), rows);
    }

    // "Nhắc ngay": an immediate reminder to the reporters of the chosen subjects that have not submitted; at most one a
    // day per person. In-app at once; e-mails are handed to Hangfire, which retries them if the server is down.
    public async Task<RemindResult> RemindNowAsync(int deadlineId, int year, IReadOnlyCollection<SubjectRef> subjects, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Committee);
        List<PlannedReminder> planned;
        HashSet<string> already;
        int withoutAccount;
        var today = new VnClock(clock).Today;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var deadline = await db.Set<Deadline>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deadlineId && d.CommuneId == scope.CommuneId, ct)
                ?? throw new ForbiddenException(UserMessages.NotInScope);
            var state = await obligations.LoadAsync(db, deadline, year, ct);
            var chosen = state.Subjects.Where(s => !s.Submitted && subjects.Contains(s.Ref)).ToList();
            planned = ReminderPlanner.ToReporters(state.Context, state.Deadline, ReminderKind.Manual, today.DayNumber, today, chosen, state.Reporters).ToList();
            withoutAccount = chosen.Count(s => !state.Reporters.TryGetValue(s.Ref, out var people) || people.Count == 0);
            // One "Nhắc ngay" a day per person: who already had today's is not reminded again, and is not counted.
            already = (await db.Set<ReminderDispatch>().AsNoTracking()
                .Where(d => d.DeadlineId == deadlineId && d.Year == year && d.Kind == ReminderKind.Manual && d.Offset == today.DayNumber)
                .Select(d => d.RecipientKey).Distinct().ToListAsync(ct)).ToHashSet();
        }
        var recorded = await ledger.RecordAsync(planned, today, ct);
        if (recorded > 0 && email.Enabled)
        {
            jobs.Enqueue<SendRemindersJob>(job => job.SendPendingAsync(CancellationToken.None));
        }
        var people = planned.Select(p => p.Recipient.Key).Distinct().ToList();
        return new RemindResult(people.Count(k => !already.Contains(k)), people.Count(already.Contains), withoutAccount, email.Enabled);
    }

    public async Task<IReadOnlyList<ReminderLogRow>> LogAsync(int? deadlineId = null, int take = 500, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Committee);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<ReminderDispatch>().AsNoTracking().Where(d => d.CommuneId == scope.CommuneId);
        if (deadlineId is { } id)
        {
            rows = rows.Where(d => d.DeadlineId == id);
        }
        return await rows.OrderByDescending(d => d.Id).Take(take)
            .Join(db.Set<Deadline>(), d => d.DeadlineId, x => x.Id, (d, x) => new ReminderLogRow(d.Id, d.CreatedAtUtc, d.SentAtUtc, d.RecipientName,
                d.RecipientEmail, x.Name, d.Year, d.Kind, d.Channel, d.Status, d.Subject, d.Attempts, d.LastError))
            .ToListAsync(ct);
    }

    // The board opens on the next deadline to come in the year (or the last one once all have passed).
    public int DefaultDeadlineId(IReadOnlyList<DeadlineRow> deadlines, int year)
    {
        var today = new VnClock(clock).Today;
        var dated = deadlines.Select(d => (d.Id, Due: DeadlineDates.DueDate(year, d.DueMonth, d.DueDay))).OrderBy(d => d.Due).ToList();
        return dated.Where(d => d.Due >= today).Select(d => d.Id).FirstOrDefault(dated.Select(d => d.Id).LastOrDefault());
    }

    public string SettingsNote() => email.Enabled
        ? $"E-mail đang bật: gửi qua máy chủ {settings.Smtp.Host}:{settings.Smtp.Port} từ địa chỉ {settings.Smtp.FromAddress}."
        : "E-mail đang tắt vì chưa đặt máy chủ SMTP (cài đặt Smtp:Host): nhắc việc chỉ hiện ở chuông thông báo trong phần mềm.";

    public async Task<string> ScheduleNoteAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Committee);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var province = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Province!.Name).SingleAsync(ct);
        return ScheduleNote(province);
    }

    private string ScheduleNote(string province) =>
        $"Hằng ngày lúc {settings.Reminders.TimeOfDay} ({settings.Reminders.TimeZone}) phần mềm tự nhắc những nơi chưa nộp. " +
        $"Ban chỉ đạo báo cáo lên cấp trên: {settings.Reminders.LevelAbove(province)}. Hôm nay: {VnTime.FormatDate(new VnClock(clock).Today)}.";
}
