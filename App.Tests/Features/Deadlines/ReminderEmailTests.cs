using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Xunit.Abstractions;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

// E-mail reminders through a real SMTP exchange with an in-process server. Each test works on its own year, so the
// tests of the class can share one app in any order.
public sealed class ReminderEmailTests(SmtpApp app, ITestOutputHelper output) : IClassFixture<SmtpApp>
{
    private List<MimeMessage> Received(int year) =>
        app.Smtp!.Messages.Where(m => (m.Subject ?? "").Contains($"năm {year}")).ToList();

    private async Task<List<ReminderDispatch>> EmailRowsAsync(int year)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ReminderDispatch>().Where(d => d.Year == year && d.Channel == ReminderChannel.Email).ToListAsync();
    }

    [Fact]
    public async Task Reminders_arrive_over_SMTP_with_Vietnamese_subject_and_body_decoded()
    {
        app.StartClockAt(new DateTime(2026, 11, 16, 7, 30, 0));
        var result = await app.RunJobAsync();

        Assert.Equal(0, result.EmailsFailed);
        var messages = Received(2026);
        var toUnit = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == "donvi@camtan.vn"));
        Assert.Equal("[Nhắc hạn] Báo cáo kết quả xây dựng xã hội học tập năm 2026: còn 14 ngày (hạn 30/11/2026)", toUnit.Subject);
        Assert.Equal("Trần Văn Nam", toUnit.To.Mailboxes.Single().Name);
        Assert.Equal("nhacviec@camtan.vn", toUnit.From.Mailboxes.Single().Address);
        Assert.Equal("Ban chỉ đạo XHHT xã Cẩm Tân", toUnit.From.Mailboxes.Single().Name);
        var body = toUnit.TextBody;
        Assert.StartsWith("Kính gửi Trần Văn Nam,", body);
        Assert.Contains("Trường THCS Cẩm Tân chưa nộp Báo cáo kết quả xây dựng xã hội học tập năm 2026", body);
        Assert.Contains("Hạn nộp: 30/11/2026 (còn 14 ngày).", body);
        Assert.Contains("Đường dẫn: http://localhost:5080/bao-cao/", body);
        Assert.Equal("utf-8", toUnit.BodyParts.OfType<TextPart>().Single().ContentType.Charset, ignoreCase: true);

        var toScorer = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == "canbo@camtan.vn"));
        Assert.Contains("Thôn Tân Hòa, Thôn Tân Thành chưa nộp", toScorer.TextBody);
        Assert.Equal(["canbo@camtan.vn", "donvi@camtan.vn"], messages.SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).Order());
        Assert.All(await EmailRowsAsync(2026), r => Assert.Equal(DispatchStatus.Sent, r.Status));
    }

    [Fact]
    public async Task With_SMTP_down_for_part_of_the_season_every_due_reminder_arrives_once_and_none_twice()
    {
        app.StartClockAt(new DateTime(2027, 11, 10, 7, 30, 0));
        var failedDays = 0;
        for (var day = new DateOnly(2027, 11, 10); day <= new DateOnly(2027, 12, 10); day = day.AddDays(1))
        {
            var down = day >= new DateOnly(2027, 11, 20) && day <= new DateOnly(2027, 12, 2);
            if (down && app.Smtp!.Running)
            {
                await app.Smtp.StopAsync();
            }
            else if (!down && !app.Smtp!.Running)
            {
                app.Smtp.Start();
            }
            app.SetLocal(day.ToDateTime(new TimeOnly(7, 30)));
            try
            {
                // With the server down the run succeeds only on a day with nothing to send.
                await app.RunJobAsync();
            }
            catch (ReminderDeliveryException)
            {
                Assert.True(down);
                failedDays++;
                // Hangfire's automatic retry, a little later the same day: the server is still down.
                app.SetLocal(day.ToDateTime(new TimeOnly(7, 45)));
                await Assert.ThrowsAsync<ReminderDeliveryException>(app.RunJobAsync);
            }
        }

        var rows = await EmailRowsAsync(2027);
        var received = Received(2027);
        output.WriteLine($"{rows.Count} e-mail nhắc việc phải gửi, {received.Count} đã đến; {failedDays} ngày tác vụ báo lỗi vì máy chủ SMTP tắt.");
        Assert.Equal(12, failedDays); // 21/11 (first reminder of the outage) to 02/12: pending e-mails make every run fail
        Assert.All(rows, r => Assert.Equal(DispatchStatus.Sent, r.Status));
        Assert.Contains(rows, r => r.Day == new DateOnly(2027, 11, 23) && r.SentAtUtc > new DateTime(2027, 12, 2));
        Assert.Equal(rows.Count, received.Count);
        // Escalations repeat their subject, so a message is told apart by its body (which names the day).
        var arrived = received.Select(m => (m.To.Mailboxes.Single().Address, Subject: m.Subject ?? "", Body: (m.TextBody ?? "").Replace("\r\n", "\n"))).ToList();
        Assert.Equal(arrived.Count, arrived.Distinct().Count());
        Assert.All(rows, r => Assert.Single(arrived, m => m.Address == r.RecipientEmail && m.Subject == r.Subject && m.Body.StartsWith(r.Body)));
    }

    [Fact]
    public async Task Retry_restart_second_server_and_double_run_send_nothing_twice()
    {
        app.StartClockAt(new DateTime(2028, 11, 16, 7, 30, 0));

        // The first attempt of the day fails: the server is down, the rows stay pending.
        await app.Smtp!.StopAsync();
        await Assert.ThrowsAsync<ReminderDeliveryException>(app.RunJobAsync);
        var pending = await EmailRowsAsync(2028);
        Assert.NotEmpty(pending);
        Assert.All(pending, r => Assert.Equal(DispatchStatus.Pending, r.Status));
        app.Smtp.Start();

        // A restart (a new dispatcher on the same database) and a second server run at the same moment.
        var settings = app.Services.GetRequiredService<AppSettings>();
        ReminderDispatcher Server() => ReminderDispatcher.Create(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), app.Clock, settings,
            new SmtpEmailSender(settings), NullLoggerFactory.Instance);
        app.SetLocal(new DateTime(2028, 11, 16, 8, 0, 0));
        var runs = await Task.WhenAll(Server().RunAsync(CancellationToken.None), Server().RunAsync(CancellationToken.None));
        Assert.Equal(0, runs.Sum(r => r.Recorded));
        Assert.Equal(pending.Count, runs.Sum(r => r.EmailsSent));

        // The job again the same day, and Hangfire's retry of the first attempt: nothing new.
        var again = await app.RunJobAsync();
        Assert.Equal((0, 0), (again.Recorded, again.EmailsSent));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendRemindersJob>().SendPendingAsync(CancellationToken.None);
        }

        var received = Received(2028);
        Assert.Equal(pending.Count, received.Count);
        Assert.Equal(received.Count, received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.All(await EmailRowsAsync(2028), r => Assert.Equal(DispatchStatus.Sent, r.Status));
    }

    [Fact]
    public async Task The_unique_key_refuses_a_second_row_for_the_same_reminder()
    {
        var deadlineId = await app.DeadlineIdAsync("bao-cao-nam");
        ReminderDispatch Row() => new()
        {
            CommuneId = 1, DeadlineId = deadlineId, Year = 2040, RecipientKey = "e:bcd@camtan.vn", Kind = ReminderKind.Escalation,
            Offset = -1, Channel = ReminderChannel.Email, Status = DispatchStatus.Sent, Subject = "s", Body = "b",
        };
        await using (var db = await app.DbAsync())
        {
            db.Add(Row());
            await db.SaveChangesAsync();
        }
        await using (var db = await app.DbAsync())
        {
            db.Add(Row());
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(Saving.IsUniqueViolation(error));
        }
    }
}
