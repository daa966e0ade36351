using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Deadlines;

public sealed record OutboxResult(int Sent, int Failed, int Cancelled, string? FirstError);

// A row of an e-mail outbox: deadline reminders and plan-task reminders keep their e-mails in this shape.
public interface IOutboxMail
{
    long Id { get; }
    ReminderChannel Channel { get; }
    DispatchStatus Status { get; }
    string RecipientName { get; }
    string RecipientEmail { get; }
    string Subject { get; }
    string Body { get; }
    int Attempts { get; }
    string LastError { get; }
    DateTime? SentAtUtc { get; }
    DateTime? LockedUntilUtc { get; }
}

// The pending reminder e-mails: each is leased while it is being sent, so a second server skips it; it is marked sent only
// after the mail server accepted it; one that is no longer due (its subjects have all submitted) is cancelled instead.
public sealed class MailOutbox(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    AppSettings settings,
    IEmailSender email,
    ILogger<MailOutbox> logger)
{
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(10);

    // The deadline reminders' e-mails: today's and any left by an earlier failed run.
    public Task<OutboxResult> SendPendingAsync(CancellationToken ct) =>
        SendPendingAsync<ReminderDispatch>(row => row.Link, CancelNoLongerDueAsync, ct);

    // Every pending e-mail of one outbox table, in order; noLongerDue (optional) picks the rows to cancel instead.
    public async Task<OutboxResult> SendPendingAsync<T>(Func<T, string> link,
        Func<AppDbContext, List<T>, CancellationToken, Task<HashSet<long>>>? noLongerDue, CancellationToken ct)
        where T : class, IOutboxMail
    {
        if (!email.Enabled)
        {
            return new OutboxResult(0, 0, 0, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Set<T>().AsNoTracking()
            .Where(d => d.Channel == ReminderChannel.Email && d.Status == DispatchStatus.Pending && (d.LockedUntilUtc == null || d.LockedUntilUtc < now))
            .OrderBy(d => d.Id).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return new OutboxResult(0, 0, 0, null);
        }
        HashSet<long> cancelled = noLongerDue is null ? [] : await noLongerDue(db, pending, ct);
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
                    await db.Set<T>().Where(d => waiting.Contains(d.Id) && d.Status == DispatchStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, note), CancellationToken.None);
                    break;
                }
                var lease = clock.GetUtcNow().UtcDateTime;
                var claimed = await db.Set<T>()
                    .Where(d => d.Id == row.Id && d.Status == DispatchStatus.Pending && (d.LockedUntilUtc == null || d.LockedUntilUtc < lease))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntilUtc, lease + SendLease).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
                if (claimed == 0)
                {
                    continue;
                }
                try
                {
                    var url = settings.Reminders.BaseUrl.TrimEnd('/') + link(row);
                    await session.SendAsync(new EmailMessage(row.RecipientEmail, row.RecipientName, row.Subject, $"{row.Body}\n\nĐường dẫn: {url}\n"), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    firstError ??= e.Message;
                    var message = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                    await db.Set<T>().Where(d => d.Id == row.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, message).SetProperty(d => d.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
                    logger.LogWarning(e, "Không gửi được e-mail nhắc việc {Id} đến {Email}.", row.Id, row.RecipientEmail);
                    await session.DisposeAsync();
                    session = null;
                    continue;
                }
                var at = clock.GetUtcNow().UtcDateTime;
                await db.Set<T>().Where(d => d.Id == row.Id)
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
        return new OutboxResult(sent, failed, cancelled.Count, firstError);
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
}
