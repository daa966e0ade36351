using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

// Recording reminders on the real SQLite database: only a unique key means "already recorded"; any other constraint
// failure fails the job (Hangfire retries it) and is logged, instead of silently dropping the reminder.
public sealed class ReminderRecordingTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private async Task<PlannedReminder> ReminderForAsync(Recipient recipient, int year)
    {
        var deadlineId = await app.DeadlineIdAsync("bao-cao-nam");
        return new PlannedReminder(deadlineId, year, recipient, ReminderKind.Before, 7, "Nhắc hạn", "Hãy nộp báo cáo.", "/bao-cao", []);
    }

    [Fact]
    public async Task A_foreign_key_failure_is_not_taken_for_an_already_recorded_reminder()
    {
        await using var db = await app.DbAsync();
        db.Add(new Notification { UserId = "khong-co-tai-khoan-nay", Title = "t", Body = "b", CreatedAtUtc = new DateTime(2041, 11, 23, 0, 30, 0, DateTimeKind.Utc) });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.False(Saving.IsUniqueViolation(error));
    }

    [Fact]
    public async Task An_in_app_reminder_that_cannot_be_written_fails_the_run_and_is_logged()
    {
        app.StartClockAt(new DateTime(2041, 11, 23, 7, 30, 0));
        var ledger = app.Services.GetRequiredService<ReminderLedger>();
        var today = app.Services.GetRequiredService<ReminderDispatcher>().Today;
        var planned = await ReminderForAsync(Recipient.ForUser("khong-co-tai-khoan-nay", "Người đã bị xoá", null), 2041);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => ledger.RecordAsync([planned], today, CancellationToken.None));

        Assert.False(Saving.IsUniqueViolation(error));
        Assert.Contains(app.Logs.Messages, m => m.StartsWith("Không ghi được nhắc việc: ") && m.Contains("FOREIGN KEY"));
        await using var db = await app.DbAsync();
        Assert.False(await db.Set<ReminderDispatch>().AnyAsync(d => d.Year == 2041));
    }

    [Fact]
    public async Task A_reminder_for_an_existing_account_is_recorded_once_however_often_the_run_repeats()
    {
        app.StartClockAt(new DateTime(2042, 11, 23, 7, 30, 0));
        var ledger = app.Services.GetRequiredService<ReminderLedger>();
        var today = app.Services.GetRequiredService<ReminderDispatcher>().Today;
        string userId;
        await using (var db = await app.DbAsync())
        {
            userId = await db.Users.Where(u => u.Email == "canbo@camtan.vn").Select(u => u.Id).SingleAsync();
        }
        var planned = await ReminderForAsync(Recipient.ForUser(userId, "Cán bộ", null), 2042);

        Assert.Equal(1, await ledger.RecordAsync([planned], today, CancellationToken.None));
        Assert.Equal(0, await ledger.RecordAsync([planned], today, CancellationToken.None));
        await using var check = await app.DbAsync();
        Assert.Equal(1, await check.Set<ReminderDispatch>().CountAsync(d => d.Year == 2042));
    }
}
