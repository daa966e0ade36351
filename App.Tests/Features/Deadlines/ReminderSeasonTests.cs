using FluentValidation;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Notifications;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

// A whole reporting season, 1 October to 10 December 2026, one day at a time with a fake clock. The demo commune has
// six units and ten villages; reporters: THCS (donvi@, submits on time), TH (th@, late: refused after the due date,
// then submits with an administrator's exception), MN (mn@, never submits), villages T01 and T02 (canbo@, submits T01
// only) and the committee (bcd@, submits its own report to the level above on time). E-mail is off: in-app only.
public sealed class ReminderSeasonTests(ClockedApp app, ITestOutputHelper output) : IClassFixture<ClockedApp>
{
    private static readonly DateOnly Start = new(2026, 10, 1);
    private static readonly DateOnly End = new(2026, 12, 10);

    // Day → who gets which reminder ("B" before or on the day, "O" overdue, "E" escalation); days not listed: none.
    private static readonly Dictionary<DateOnly, string[]> Expected = new()
    {
        [new(2026, 11, 16)] = ["canbo B", "donvi B", "mn B", "th B"],
        [new(2026, 11, 21)] = ["bcd B"],
        [new(2026, 11, 23)] = ["canbo B", "mn B", "th B"],
        [new(2026, 11, 27)] = ["canbo B", "mn B", "th B"],
        [new(2026, 11, 28)] = ["bcd B"],
        [new(2026, 11, 29)] = ["canbo B", "mn B", "th B"],
        [new(2026, 11, 30)] = ["canbo B", "mn B", "th B"],
        [new(2026, 12, 1)] = ["bcd E", "canbo O", "mn O", "th O"],
        [new(2026, 12, 2)] = ["bcd B"],
        [new(2026, 12, 4)] = ["bcd E", "canbo O", "mn O", "th O"],
        [new(2026, 12, 7)] = ["bcd E", "canbo O", "mn O"],
        [new(2026, 12, 10)] = ["bcd E", "canbo O", "mn O"],
    };

    [Fact]
    public async Task A_season_day_by_day_reminds_only_who_is_late_once_with_escalation_lock_and_exception()
    {
        await app.AddUnitReporterAsync("th@camtan.vn", "Đỗ Thị Hằng", "TH");
        await app.AddUnitReporterAsync("mn@camtan.vn", "Vũ Văn Minh", "MN");
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var upward = await app.DeadlineIdAsync("bao-cao-cap-tren");
        await using (var db = await app.DbAsync())
        {
            Assert.Equal(0, await db.Set<ReminderDispatch>().CountAsync());
        }
        var thcs = await app.UnitAsync("THCS");
        var th = await app.UnitAsync("TH");
        var mn = await app.UnitAsync("MN");
        var t01 = await app.VillageAsync("T01");
        var commune = new SubjectRef(ReportSubjectKind.Commune, 1);
        app.StartClockAt(Start.ToDateTime(new TimeOnly(0, 0)));

        var perDay = new List<string>();
        var total = 0;
        for (var day = Start; day <= End; day = day.AddDays(1))
        {
            app.SetLocal(day.ToDateTime(new TimeOnly(7, 30)));
            var first = await app.RunJobAsync();
            var second = await app.RunJobAsync();
            Assert.Equal(0, second.Recorded);
            Assert.Equal(day, first.Day);

            var actual = await RemindersOnAsync(day);
            Assert.True(Expected.GetValueOrDefault(day, []).SequenceEqual(actual),
                $"{day:dd/MM/yyyy}: mong đợi [{string.Join(", ", Expected.GetValueOrDefault(day, []))}], thực tế [{string.Join(", ", actual)}]");
            total += actual.Count;
            if (actual.Count > 0)
            {
                perDay.Add($"{day:dd/MM/yyyy}: {actual.Count} ({string.Join(", ", actual)})");
            }

            app.SetLocal(day.ToDateTime(new TimeOnly(10, 0)));
            await ActAsync(day);
        }

        output.WriteLine($"Nhắc việc theo ngày, 01/10/2026–10/12/2026 (ngày không có nhắc việc bị bỏ qua); tổng {total}:");
        perDay.ForEach(output.WriteLine);
        Assert.Equal(33, total);

        await using (var db = await app.DbAsync())
        {
            var keys = await db.Set<ReminderDispatch>().Select(d => new { d.DeadlineId, d.Year, d.RecipientKey, d.Kind, d.Offset, d.Channel }).ToListAsync();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.All(keys, k => Assert.Equal(ReminderChannel.InApp, k.Channel));
            var escalation = await db.Set<ReminderDispatch>().Where(d => d.Kind == ReminderKind.Escalation && d.Day == new DateOnly(2026, 12, 4)).SingleAsync();
            Assert.Contains("Trường Tiểu học Cẩm Tân (được phép nộp muộn đến 05/12/2026)", escalation.Body);
            Assert.Contains("Thôn Tân Thành", escalation.Body);
            Assert.DoesNotContain("Trường THCS Cẩm Tân", escalation.Body);
            var late = await db.Set<ReminderDispatch>().Where(d => d.Kind == ReminderKind.Overdue && d.Day == new DateOnly(2026, 12, 7)).Select(d => d.Body).ToListAsync();
            Assert.Contains(late, b => b.Contains("đã khóa việc nộp báo cáo của Trường Mầm non Cẩm Tân"));
        }

        // The board: expected, submitted, on time and late as the season left them.
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var board = await scope.ServiceProvider.GetRequiredService<ComplianceService>().BoardAsync(yearly, 2026);
            Assert.Equal(HocTapSuotDoi.Seeding.DemoDataSeeder.UnitSeeds.Count + 10, board.Expected);
            Assert.Equal((3, 2, 1), (board.Submitted, board.OnTime, board.Late));
            Assert.Equal(BoardStatus.OnTime, board.Rows.Single(r => r.Subject == thcs).Status);
            Assert.Equal(BoardStatus.Late, board.Rows.Single(r => r.Subject == th).Status);
            Assert.Equal(BoardStatus.Missing, board.Rows.Single(r => r.Subject == mn).Status);
            Assert.True(board.Rows.Single(r => r.Subject == mn).IsLate);
            Assert.Equal(BoardStatus.OnTime, board.Rows.Single(r => r.Subject == t01).Status);
            var upwardBoard = await scope.ServiceProvider.GetRequiredService<ComplianceService>().BoardAsync(upward, 2026);
            Assert.Equal(BoardStatus.OnTime, Assert.Single(upwardBoard.Rows).Status);
        }

        // The bell of the late unit's reporter counts every reminder it was sent.
        await using (var scope = await app.AsUserAsync("th@camtan.vn"))
        {
            Assert.Equal(7, await scope.ServiceProvider.GetRequiredService<NotificationService>().UnreadCountAsync());
        }

        async Task ActAsync(DateOnly day)
        {
            if (day == new DateOnly(2026, 11, 20))
            {
                await app.SubmitAsync("donvi@camtan.vn", yearly, 2026, thcs);
            }
            else if (day == new DateOnly(2026, 11, 25))
            {
                await app.SubmitAsync("canbo@camtan.vn", yearly, 2026, t01);
            }
            else if (day == new DateOnly(2026, 12, 2))
            {
                var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SubmitAsync("th@camtan.vn", yearly, 2026, th));
                Assert.Contains("Đã quá hạn nộp (30/11/2026)", refused.Message);
            }
            else if (day == new DateOnly(2026, 12, 3))
            {
                await using var admin = await app.AsUserAsync("admin@camtan.vn");
                await admin.ServiceProvider.GetRequiredService<DeadlineService>().GrantExceptionAsync(new ExceptionForm
                {
                    DeadlineId = yearly, Year = 2026, SubjectKind = th.Kind, SubjectId = th.Id,
                    AllowedUntil = new DateTime(2026, 12, 5), Reason = "Hiệu trưởng đi công tác",
                });
                await app.SubmitAsync("bcd@camtan.vn", upward, 2026, commune);
            }
            else if (day == new DateOnly(2026, 12, 4))
            {
                await app.SubmitAsync("th@camtan.vn", yearly, 2026, th);
            }
            else if (day == new DateOnly(2026, 12, 6))
            {
                // The exception was for TH only: MN stays locked.
                await Assert.ThrowsAsync<ValidationException>(() => app.SubmitAsync("mn@camtan.vn", yearly, 2026, mn));
            }
        }
    }

    private async Task<List<string>> RemindersOnAsync(DateOnly day)
    {
        await using var db = await app.DbAsync();
        var rows = await db.Set<ReminderDispatch>().Where(d => d.Day == day)
            .Select(d => new { d.RecipientEmail, d.Kind }).ToListAsync();
        return rows.Select(r => $"{r.RecipientEmail.Split('@')[0]} {r.Kind switch
        {
            ReminderKind.Before => "B",
            ReminderKind.Overdue => "O",
            ReminderKind.Escalation => "E",
            _ => "M",
        }}").Order(StringComparer.Ordinal).ToList();
    }
}
