using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Notifications;

namespace HocTapSuotDoi.Features.PlanTasks;

public sealed record TaskReminderRun(int Recorded, int EmailsSent, int EmailsFailed, string? FirstError);

// Overdue plan tasks in the daily reminder run (decision 008's rules): one reminder per task, due date, recipient and
// channel, recorded before sending (the in-app notification in the same transaction), e-mails sent afterwards by the
// same mail outbox as the deadline reminders. Recipient: the task's owner account, or, without one, the committee's
// accounts.
public sealed class PlanTaskReminders(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IEmailSender email,
    MailOutbox outbox,
    ILogger<PlanTaskReminders> logger)
{
    public const string Link = "/nhiem-vu";

    public async Task<TaskReminderRun> RunAsync(CancellationToken ct)
    {
        var recorded = await RecordAsync(ct);
        var (sent, failed, _, error) = await outbox.SendPendingAsync<PlanTaskReminder>(_ => Link, noLongerDue: null, ct);
        if (recorded > 0 || sent > 0 || failed > 0)
        {
            logger.LogInformation("Nhắc nhiệm vụ quá hạn: {Recorded} nhắc việc mới, {Sent} e-mail đã gửi, {Failed} lỗi.", recorded, sent, failed);
        }
        return new TaskReminderRun(recorded, sent, failed, error);
    }

    private async Task<int> RecordAsync(CancellationToken ct)
    {
        var today = new VnClock(clock).Today;
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = await db.Set<PlanTask>().AsNoTracking()
            .Where(t => t.Status != PlanTaskStatus.Done && t.DueDate != null && t.DueDate < today)
            .Select(t => new { t.Id, t.CommuneId, t.Title, t.Body, t.PlanSection, DueDate = t.DueDate!.Value, t.OwnerUserId }).ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return 0;
        }
        var people = await (from u in db.Users.AsNoTracking()
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { u.Id, u.FullName, u.Email, u.CommuneId, u.LockoutEnd, Role = r.Name }).ToListAsync(ct);
        people = people.Where(p => p.LockoutEnd is null || p.LockoutEnd <= now).ToList();
        var taskIds = overdue.Select(t => t.Id).ToList();
        var existing = (await db.Set<PlanTaskReminder>().AsNoTracking().Where(r => taskIds.Contains(r.PlanTaskId))
                .Select(r => new { r.PlanTaskId, r.DueDate, r.RecipientUserId, r.Channel }).ToListAsync(ct))
            .Select(r => (r.PlanTaskId, r.DueDate, r.RecipientUserId, r.Channel)).ToHashSet();
        var at = now.UtcDateTime;
        var count = 0;
        foreach (var task in overdue)
        {
            var recipients = people.Where(p => task.OwnerUserId is { } owner ? p.Id == owner : p.CommuneId == task.CommuneId && p.Role == Roles.Committee);
            var title = task.Title.Length > 120 ? task.Title[..117] + "..." : task.Title;
            var subject = $"Nhiệm vụ quá hạn ({task.PlanSection}): {title}";
            var body = $"Nhiệm vụ “{task.Title}” của {PlanTaskTexts.Body(task.Body)} có hạn hoàn thành {VnTime.FormatDate(task.DueDate)}, " +
                       "đến nay chưa hoàn thành. Xin cập nhật tiến độ hoặc trạng thái trên trang Nhiệm vụ theo Kế hoạch.";
            foreach (var person in recipients)
            {
                var channels = email.Enabled && !string.IsNullOrEmpty(person.Email) ? new[] { ReminderChannel.InApp, ReminderChannel.Email } : [ReminderChannel.InApp];
                foreach (var channel in channels)
                {
                    if (!existing.Add((task.Id, task.DueDate, person.Id, channel)))
                    {
                        continue;
                    }
                    var inApp = channel == ReminderChannel.InApp;
                    db.Add(new PlanTaskReminder
                    {
                        PlanTaskId = task.Id, DueDate = task.DueDate, RecipientUserId = person.Id, RecipientName = person.FullName, RecipientEmail = person.Email ?? "",
                        Channel = channel, Status = inApp ? DispatchStatus.Sent : DispatchStatus.Pending, Day = today, Subject = subject, Body = body,
                        CreatedAtUtc = at, SentAtUtc = inApp ? at : null, Attempts = inApp ? 1 : 0,
                    });
                    if (inApp)
                    {
                        db.Add(new Notification { UserId = person.Id, Title = subject, Body = body, Link = Link, CreatedAtUtc = at });
                    }
                    count++;
                }
            }
        }
        if (count == 0)
        {
            return 0;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return count;
        }
        catch (DbUpdateException e) when (Saving.IsUniqueViolation(e))
        {
            // Another run recorded these first (a retry, a second server): theirs count, and the next run finds them.
            logger.LogInformation("Nhắc nhiệm vụ quá hạn: một lần chạy khác đã ghi trước.");
            return 0;
        }
    }
}
