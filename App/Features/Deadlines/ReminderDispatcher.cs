using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Notifications;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Setup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Deadlines;

public sealed record ReminderRunResult(DateOnly Day, int Planned, int Recorded, int EmailsSent, int EmailsFailed, int EmailsCancelled, TimeSpan DecisionTime)
{
    public string? FirstError { get; init; }
}

// Everything a deadline needs for a day's decision, read once.
public sealed record DeadlineState(PlannerDeadline Deadline, int CommuneId, IReadOnlyList<PlannerSubject> Subjects,
    IReadOnlyDictionary<SubjectRef, List<Recipient>> Reporters, IReadOnlyList<Recipient> Committee, PlannerContext Context);

// The database side of reminders: reads who has not submitted, asks the planner, records each reminder under its unique
// key (in-app notifications in the same transaction) and sends pending e-mails, recording them only once accepted.
public sealed class ReminderDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    AppSettings settings,
    IEmailSender email,
    ILogger<ReminderDispatcher> logger)
{
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(10);

    public DateOnly Today => LocalToday(clock, settings);

    // Today in Vietnam on the app's one clock; Reminders:TimeZone only says when the daily job runs.
    public static DateOnly LocalToday(TimeProvider clock, AppSettings settings) => new VnClock(clock).Today;

    // The daily run: decide, record, send. Safe to run any number of times a day.
    public async Task<ReminderRunResult> RunAsync(CancellationToken ct)
    {
        var today = Today;
        var started = clock.GetTimestamp();
        var planned = await PlanAsync(today, ct);
        var decision = clock.GetElapsedTime(started);
        var recorded = await RecordAsync(planned, today, ct);
        var (sent, failed, cancelled, error) = await SendPendingEmailsAsync(ct);
        logger.LogInformation("Nhắc hạn ngày {Day}: {Planned} nhắc việc, {Recorded} mới, {Sent} e-mail đã gửi, {Failed} lỗi.",
            VnTime.FormatDate(today), planned.Count, recorded, sent, failed);
        return new ReminderRunResult(today, planned.Count, recorded, sent, failed, cancelled, decision) { FirstError = error };
    }

    // The decision alone: who should get what today (what has already gone out is filtered when recording).
    public async Task<List<PlannedReminder>> PlanAsync(DateOnly today, CancellationToken ct)
    {
        var result = new List<PlannedReminder>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadlines = await db.Set<Deadline>().AsNoTracking().Where(d => d.Active).ToListAsync(ct);
        var due = new List<(Deadline Deadline, PlannerDeadline Rule, ReminderStage Stage)>();
        foreach (var deadline in deadlines)
        {
            foreach (var year in new[] { today.Year - 1, today.Year, today.Year + 1 })
            {
                var rule = ToRule(deadline, year);
                if (ReminderPlanner.StageOn(rule, today) is { } stage)
                {
                    due.Add((deadline, rule, stage));
                }
            }
        }
        foreach (var (deadline, rule, stage) in due)
        {
            var state = await LoadStateAsync(db, deadline, rule.Year, ct);
            result.AddRange(ReminderPlanner.Plan(state.Context, state.Deadline, stage, today, state.Subjects, state.Reporters, state.Committee));
        }
        return result;
    }

    public static PlannerDeadline ToRule(Deadline d, int year) =>
        new(d.Id, d.Name, d.Audience, d.DueDate(year), d.Offsets, d.OverdueEveryDays, d.OverdueMaxCount, d.EscalateToCommittee, d.EscalationEmailList);

    public async Task<DeadlineState> LoadStateAsync(AppDbContext db, Deadline deadline, int year, CancellationToken ct)
    {
        var communeId = deadline.CommuneId;
        var (communeName, province) = await db.Communes.Where(c => c.Id == communeId).Select(c => new ValueTuple<string, string>(c.Name, c.Province!.Name)).SingleAsync(ct);
        var subjects = await ExpectedSubjectsAsync(db, deadline, communeName, ct);
        var reports = await db.Set<UnitReport>().AsNoTracking()
            .Where(r => r.DeadlineId == deadline.Id && r.Year == year && r.Status == ReportStatus.Submitted)
            .Select(r => new { r.SubjectKind, r.SubjectId }).ToListAsync(ct);
        var submitted = reports.Select(r => new SubjectRef(r.SubjectKind, r.SubjectId)).ToHashSet();
        var exceptions = (await db.Set<SubmissionException>().AsNoTracking()
            .Where(x => x.DeadlineId == deadline.Id && x.Year == year)
            .Select(x => new { x.SubjectKind, x.SubjectId, x.AllowedUntil }).ToListAsync(ct))
            .ToDictionary(x => new SubjectRef(x.SubjectKind, x.SubjectId), x => x.AllowedUntil);
        var planned = subjects.Select(s => new PlannerSubject(s.Ref, s.Name, submitted.Contains(s.Ref),
            exceptions.TryGetValue(s.Ref, out var until) ? until : null)).ToList();
        var (reporters, committee) = await RecipientsAsync(db, communeId, ct);
        return new DeadlineState(ToRule(deadline, year), communeId, planned, reporters, committee,
            new PlannerContext(communeName, settings.Reminders.LevelAbove(province)));
    }

    // Every subject a deadline expects a report from, in the order the board shows them.
    public static async Task<List<(SubjectRef Ref, string Name)>> ExpectedSubjectsAsync(AppDbContext db, Deadline deadline, string communeName, CancellationToken ct)
    {
        var result = new List<(SubjectRef, string)>();
        if (deadline.Audience.HasFlag(DeadlineAudience.Units))
        {
            var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == deadline.CommuneId && u.Active)
                .OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
            result.AddRange(units.Select(u => (new SubjectRef(ReportSubjectKind.Unit, u.Id), u.Name)));
        }
        if (deadline.Audience.HasFlag(DeadlineAudience.Villages))
        {
            var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == deadline.CommuneId)
                .OrderBy(v => v.SortOrder).ThenBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
            result.AddRange(villages.Select(v => (new SubjectRef(ReportSubjectKind.Village, v.Id), v.Name)));
        }
        if (deadline.Audience.HasFlag(DeadlineAudience.Committee))
        {
            result.Add((new SubjectRef(ReportSubjectKind.Commune, deadline.CommuneId), $"Ban chỉ đạo xã {communeName}"));
        }
        return result;
    }

    // Who reports for what: a unit's Đơn vị accounts, a village's Cán bộ khuyến học accounts, the committee's own
    // report by the Ban chỉ đạo accounts. Locked accounts get nothing.
    public async Task<(Dictionary<SubjectRef, List<Recipient>> Reporters, List<Recipient> Committee)> RecipientsAsync(AppDbContext db, int communeId, CancellationToken ct)
    {
        string[] roles = [Roles.UnitReporter, Roles.Scorer, Roles.Committee];
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.CommuneId == communeId && roles.Contains(r.Name)
                          select new { u.Id, u.FullName, u.Email, u.LockoutEnd, u.ScopeKind, u.UnitId, Role = r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        rows = rows.Where(r => r.LockoutEnd is null || r.LockoutEnd <= now).ToList();
        var scorerIds = rows.Where(r => r.Role == Roles.Scorer).Select(r => r.Id).ToList();
        var villages = (await db.UserVillages.AsNoTracking().Select(v => new { v.UserId, v.VillageId }).ToListAsync(ct))
            .Where(v => scorerIds.Contains(v.UserId)).ToLookup(v => v.UserId, v => v.VillageId);
        var reporters = new Dictionary<SubjectRef, List<Recipient>>();
        var committee = new List<Recipient>();
        void Add(SubjectRef subject, Recipient recipient)
        {
            if (!reporters.TryGetValue(subject, out var list))
            {
                reporters[subject] = list = [];
            }
            list.Add(recipient);
        }
        foreach (var row in rows.OrderBy(r => r.FullName))
        {
            var recipient = Recipient.ForUser(row.Id, row.FullName, row.Email);
            switch (row.Role)
            {
                case Roles.UnitReporter when row is { ScopeKind: ScopeKind.Unit, UnitId: { } unitId }:
                    Add(new SubjectRef(ReportSubjectKind.Unit, unitId), recipient);
                    break;
                case Roles.Scorer when row.ScopeKind == ScopeKind.Villages:
                    foreach (var villageId in villages[row.Id])
                    {
                        Add(new SubjectRef(ReportSubjectKind.Village, villageId), recipient);
                    }
                    break;
                case Roles.Committee:
                    committee.Add(recipient);
                    Add(new SubjectRef(ReportSubjectKind.Commune, communeId), recipient);
                    break;
            }
        }
        return (reporters, committee);
    }

    // Records each planned reminder once per channel. In-app reminders are delivered by this very transaction (the
    // notification row is written with the dispatch row); e-mails are recorded as pending and sent afterwards.
    public async Task<int> RecordAsync(IReadOnlyList<PlannedReminder> planned, DateOnly today, CancellationToken ct)
    {
        if (planned.Count == 0)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communes = await db.Set<Deadline>().AsNoTracking().Select(d => new { d.Id, d.CommuneId }).ToDictionaryAsync(d => d.Id, d => d.CommuneId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<(ReminderDispatch Dispatch, Notification? Notification)>();
        foreach (var group in planned.GroupBy(p => (p.DeadlineId, p.Year, p.Kind, p.Offset)))
        {
            var (deadlineId, year, kind, offset) = group.Key;
            var existing = (await db.Set<ReminderDispatch>().AsNoTracking()
                    .Where(d => d.DeadlineId == deadlineId && d.Year == year && d.Kind == kind && d.Offset == offset)
                    .Select(d => new { d.RecipientKey, d.Channel }).ToListAsync(ct))
                .Select(d => (d.RecipientKey, d.Channel)).ToHashSet();
            foreach (var reminder in group)
            {
                foreach (var channel in Channels(reminder.Recipient))
                {
                    if (existing.Add((reminder.Recipient.Key, channel)))
                    {
                        rows.Add(NewRows(reminder, channel, communes[deadlineId], today, now));
                    }
                }
            }
        }
        if (rows.Count == 0)
        {
            return 0;
        }
        try
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var (dispatch, notification) in rows)
            {
                db.Add(dispatch);
                if (notification is not null)
                {
                    db.Add(notification);
                }
            }
            await db.SaveChangesAsync(ct);
            return rows.Count;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Another run (a retry, a second server) recorded some of these meanwhile: keep ours one by one.
            return await RecordOneByOneAsync(rows, ct);
        }
        catch (DbUpdateException e)
        {
            LogRecordingFailure(e);
            throw;
        }
    }

    private async Task<int> RecordOneByOneAsync(List<(ReminderDispatch Dispatch, Notification? Notification)> rows, CancellationToken ct)
    {
        var count = 0;
        foreach (var (dispatch, notification) in rows)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            dispatch.Id = 0;
            db.Add(dispatch);
            if (notification is not null)
            {
                notification.Id = 0;
                db.Add(notification);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                count++;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // Already recorded by someone else: theirs is the one that counts.
            }
            catch (DbUpdateException e)
            {
                LogRecordingFailure(e);
                throw;
            }
        }
        return count;
    }

    private IEnumerable<ReminderChannel> Channels(Recipient recipient)
    {
        if (recipient.UserId is not null)
        {
            yield return ReminderChannel.InApp;
        }
        if (email.Enabled && recipient.Email.Length > 0)
        {
            yield return ReminderChannel.Email;
        }
    }

    private static (ReminderDispatch, Notification?) NewRows(PlannedReminder reminder, ReminderChannel channel, int communeId, DateOnly today, DateTime now)
    {
        var inApp = channel == ReminderChannel.InApp;
        var dispatch = new ReminderDispatch
        {
            CommuneId = communeId,
            DeadlineId = reminder.DeadlineId,
            Year = reminder.Year,
            RecipientKey = reminder.Recipient.Key,
            RecipientUserId = reminder.Recipient.UserId,
            RecipientName = reminder.Recipient.Name,
            RecipientEmail = reminder.Recipient.Email,
            Kind = reminder.Kind,
            Offset = reminder.Offset,
            Channel = channel,
            Status = inApp ? DispatchStatus.Sent : DispatchStatus.Pending,
            Day = today,
            Subject = reminder.Subject,
            Body = reminder.Body,
            Link = reminder.Link,
            Subjects = string.Join(",", reminder.Subjects),
            CreatedAtUtc = now,
            SentAtUtc = inApp ? now : null,
            Attempts = inApp ? 1 : 0,
        };
        var notification = inApp
            ? new Notification { UserId = reminder.Recipient.UserId!, Title = reminder.Subject, Body = reminder.Body, Link = reminder.Link, CreatedAtUtc = now }
            : null;
        return (dispatch, notification);
    }

    // Sends every pending e-mail (today's and any left by an earlier failed run). Each row is held under a lease while
    // it is being sent, so a second server skips it; it is marked sent only after the server accepted the message.
    public async Task<(int Sent, int Failed, int Cancelled, string? FirstError)> SendPendingEmailsAsync(CancellationToken ct)
    {
        if (!email.Enabled)
        {
            return (0, 0, 0, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Set<ReminderDispatch>().AsNoTracking()
            .Where(d => d.Channel == ReminderChannel.Email && d.Status == DispatchStatus.Pending && (d.LockedUntilUtc == null || d.LockedUntilUtc < now))
            .OrderBy(d => d.Id).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return (0, 0, 0, null);
        }
        var cancelled = await CancelNoLongerDueAsync(db, pending, ct);
        int sent = 0, failed = 0;
        string? firstError = null;
        IEmailSession? session = null;
        try
        {
            foreach (var row in pending.Where(p => !cancelled.Contains(p.Id)))
            {
                try
                {
                    session ??= await email.OpenAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The server cannot be reached: every row stays pending for the next run or Hangfire's retry.
                    failed++;
                    firstError ??= e.Message;
                    logger.LogWarning(e, "Không kết nối được máy chủ SMTP {Host}:{Port}.", settings.Smtp.Host, settings.Smtp.Port);
                    // The log says so on every e-mail left waiting, until one is sent (a send clears its note).
                    var waiting = pending.Where(p => !cancelled.Contains(p.Id)).Select(p => p.Id).ToList();
                    var note = $"Không kết nối được máy chủ e-mail {settings.Smtp.Host}:{settings.Smtp.Port} lúc {VnTime.Format(now)}: {e.Message}";
                    note = note.Length > 1000 ? note[..1000] : note;
                    await db.Set<ReminderDispatch>().Where(d => waiting.Contains(d.Id) && d.Status == DispatchStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, note), CancellationToken.None);
                    break;
                }
                var lease = clock.GetUtcNow().UtcDateTime;
                var claimed = await db.Set<ReminderDispatch>()
                    .Where(d => d.Id == row.Id && d.Status == DispatchStatus.Pending && (d.LockedUntilUtc == null || d.LockedUntilUtc < lease))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntilUtc, lease + SendLease).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
                if (claimed == 0)
                {
                    continue;
                }
                try
                {
                    await session.SendAsync(ToEmail(row), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    firstError ??= e.Message;
                    var message = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                    await db.Set<ReminderDispatch>().Where(d => d.Id == row.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, message).SetProperty(d => d.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
                    logger.LogWarning(e, "Không gửi được e-mail nhắc việc {Id} đến {Email}.", row.Id, row.RecipientEmail);
                    await session.DisposeAsync();
                    session = null;
                    continue;
                }
                var at = clock.GetUtcNow().UtcDateTime;
                await db.Set<ReminderDispatch>().Where(d => d.Id == row.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DispatchStatus.Sent).SetProperty(d => d.SentAtUtc, at)
                        .SetProperty(d => d.LastError, "").SetProperty(d => d.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
                sent++;
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
        return (sent, failed, cancelled.Count, firstError);
    }

    // A reminder to report is no longer due once every subject it names has submitted.
    private static async Task<HashSet<long>> CancelNoLongerDueAsync(AppDbContext db, List<ReminderDispatch> pending, CancellationToken ct)
    {
        var result = new HashSet<long>();
        foreach (var group in pending.Where(p => p.Kind != ReminderKind.Escalation).GroupBy(p => (p.DeadlineId, p.Year)))
        {
            var (deadlineId, year) = group.Key;
            var submitted = (await db.Set<UnitReport>().AsNoTracking()
                    .Where(r => r.DeadlineId == deadlineId && r.Year == year && r.Status == ReportStatus.Submitted)
                    .Select(r => new { r.SubjectKind, r.SubjectId }).ToListAsync(ct))
                .Select(r => new SubjectRef(r.SubjectKind, r.SubjectId).ToString()).ToHashSet();
            foreach (var row in group)
            {
                var subjects = row.Subjects.Split(',', StringSplitOptions.RemoveEmptyEntries);
                if (subjects.Length > 0 && subjects.All(submitted.Contains))
                {
                    result.Add(row.Id);
                }
            }
        }
        if (result.Count > 0)
        {
            var ids = result.ToList();
            await db.Set<ReminderDispatch>().Where(d => ids.Contains(d.Id) && d.Status == DispatchStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DispatchStatus.Cancelled)
                    .SetProperty(d => d.LastError, "Không gửi: đã nộp báo cáo trước khi e-mail được gửi."), ct);
        }
        return result;
    }

    private EmailMessage ToEmail(ReminderDispatch row)
    {
        var link = settings.Reminders.BaseUrl.TrimEnd('/') + row.Link;
        return new EmailMessage(row.RecipientEmail, row.RecipientName, row.Subject, $"{row.Body}\n\nĐường dẫn: {link}\n");
    }

    // Only a unique key means "already recorded": SQLite's code 19 also covers foreign keys, NOT NULL and CHECK, which are
    // real failures and must fail the job (Hangfire retries it and the log shows why).
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    private void LogRecordingFailure(DbUpdateException e) =>
        logger.LogError(e, "Không ghi được nhắc việc: {Error}", e.InnerException?.Message ?? e.Message);
}
