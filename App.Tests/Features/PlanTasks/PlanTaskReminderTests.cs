using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Notifications;
using HocTapSuotDoi.Features.PlanTasks;
using HocTapSuotDoi.Tests.Features.Deadlines;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.PlanTasks;

// Overdue plan tasks in the daily reminder run, with a real SMTP exchange: once per task, due date, recipient and channel.
public sealed class PlanTaskReminderTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    public static async Task<int> SetOwnerAsync(AppFactory app, string key, string? ownerEmail, DateOnly? due = null, PlanTaskStatus? status = null)
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var tasks = scope.ServiceProvider.GetRequiredService<PlanTaskService>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = await db.Set<PlanTask>().Where(t => t.DefaultKey == key).Select(t => t.Id).SingleAsync();
        var row = (await tasks.ListAsync()).Rows.Single(r => r.Id == id);
        var form = PlanTaskService.FormFor(row);
        form.OwnerUserId = ownerEmail is null ? null : (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(ownerEmail))!.Id;
        form.DueDate = (due ?? row.DueDate)?.ToDateTime(TimeOnly.MinValue);
        form.Status = status ?? row.Status;
        await tasks.UpdateAsync(form);
        return id;
    }

    [Fact]
    public async Task An_overdue_task_reminds_its_owner_once_in_app_and_by_email_and_again_only_for_a_new_due_date()
    {
        app.StartClockAt(new DateTime(2026, 1, 5, 7, 30, 0));
        var id = await SetOwnerAsync(app, "vii3-so-ket", "canbo@camtan.vn");
        await app.RunJobAsync();
        await app.RunJobAsync();

        await using (var db = await app.DbAsync())
        {
            var rows = await db.Set<PlanTaskReminder>().Where(r => r.PlanTaskId == id).ToListAsync();
            Assert.Equal([(ReminderChannel.InApp, DispatchStatus.Sent), (ReminderChannel.Email, DispatchStatus.Sent)],
                rows.OrderBy(r => r.Channel).Select(r => (r.Channel, r.Status)));
            var canbo = await db.Users.SingleAsync(u => u.Email == "canbo@camtan.vn");
            Assert.Single(await db.Set<Notification>().Where(n => n.UserId == canbo.Id && n.Title.StartsWith("Nhiệm vụ quá hạn (VII.3)")).ToListAsync());
            // The task without an owner account goes to the committee.
            var unowned = await db.Set<PlanTask>().Where(t => t.DefaultKey == "vii2-so-ket").Select(t => t.Id).SingleAsync();
            Assert.Contains(await db.Set<PlanTaskReminder>().Where(r => r.PlanTaskId == unowned).Select(r => r.RecipientName).ToListAsync(), n => n == "Lê Văn Bình");
        }
        var mail = Assert.Single(app.Smtp!.Messages, m => m.To.Mailboxes.Any(a => a.Address == "canbo@camtan.vn") && (m.Subject ?? "").StartsWith("Nhiệm vụ quá hạn (VII.3)"));
        Assert.Contains("có hạn hoàn thành 31/12/2025, đến nay chưa hoàn thành", mail.TextBody);

        // A later due date that passes in turn is a new reminder; a done task is reminded no more.
        await SetOwnerAsync(app, "vii3-so-ket", "canbo@camtan.vn", due: new DateOnly(2026, 1, 10));
        app.SetLocal(new DateTime(2026, 1, 12, 7, 30, 0));
        await app.RunJobAsync();
        await SetOwnerAsync(app, "vii3-so-ket", "canbo@camtan.vn", status: PlanTaskStatus.Done);
        app.SetLocal(new DateTime(2026, 1, 13, 7, 30, 0));
        await app.RunJobAsync();
        await using (var db = await app.DbAsync())
        {
            Assert.Equal([new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 10)],
                await db.Set<PlanTaskReminder>().Where(r => r.PlanTaskId == id && r.Channel == ReminderChannel.InApp).OrderBy(r => r.DueDate).Select(r => r.DueDate).ToListAsync());
        }
        Assert.Equal(2, app.Smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == "canbo@camtan.vn") && (m.Subject ?? "").StartsWith("Nhiệm vụ quá hạn (VII.3)")));
    }
}
