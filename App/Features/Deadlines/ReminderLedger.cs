using HocTapSuotDoi.Features.Notifications;

namespace HocTapSuotDoi.Features.Deadlines;

// Records each reminder exactly once. A reminder's row carries the unique key (deadline, year, recipient, kind, offset,
// channel) and is written before anything is sent, so a second run, a retry or a second server finds it, or fails on
// the unique index, and records nothing new. An in-app reminder is delivered by the same transaction (its notification
// row is written with it); an e-mail is recorded as pending for the mail outbox.
public sealed class ReminderLedger(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IEmailSender email,
    ILogger<ReminderLedger> logger)
{
    // Returns how many rows were new; the ones already recorded are skipped.
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
        catch (DbUpdateException e) when (Saving.IsUniqueViolation(e))
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
            catch (DbUpdateException e) when (Saving.IsUniqueViolation(e))
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

    private void LogRecordingFailure(DbUpdateException e) =>
        logger.LogError(e, "Không ghi được nhắc việc: {Error}", e.InnerException?.Message ?? e.Message);
}
