using Bunit;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

// The compliance board as the administrator reads it: words on every action, "Tạo tài khoản báo cáo" where nobody
// reports, the registration season kept off the board, and "Nhắc ngay" counting only who it really reminded.
public sealed class ComplianceBoardScreenTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "admin@camtan.vn");
    }

    [Fact]
    public async Task Rows_without_a_reporter_offer_an_account_actions_have_words_and_registration_is_not_a_report()
    {
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        app.StartClockAt(new DateTime(2028, 11, 20, 9, 0, 0));
        _ctx.Render<MudPopoverProvider>();
        _ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/tien-do-bao-cao?han={yearly}&nam=2028");
        var board = _ctx.Render<ComplianceBoardPage>();
        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll("#board-table tbody tr")));

        var thcs = board.FindAll("#board-table tbody tr").Single(r => r.TextContent.Contains("Trường THCS Cẩm Tân"));
        Assert.Empty(thcs.QuerySelectorAll(".create-reporter"));
        var withoutReporter = board.FindAll("#board-table tbody tr").Where(r => r.QuerySelector(".create-reporter") is not null).ToList();
        Assert.NotEmpty(withoutReporter);
        Assert.All(withoutReporter, r => Assert.Contains("Tạo tài khoản báo cáo", r.TextContent));
        // Every action says what it does in words, not only with an icon.
        Assert.All(board.FindAll("#board-table tbody tr"), r => Assert.Contains("Xem", r.QuerySelectorAll("a, button").Select(b => b.TextContent.Trim())));
        Assert.Empty(board.FindAll("#board-table tbody td:last-child .mud-icon-button"));
        // The 31/03 registration deadline is not a report: it is not on the board, and the note says where it is followed.
        Assert.Contains(await _services.GetRequiredService<DeadlineService>().ListAsync(), d => d.IsRegistration && d.Name == "Đăng ký danh hiệu học tập");
        var compliance = await app.Services.GetRequiredService<ReportObligations>().ComplianceAsync(1, 2028);
        Assert.Contains(compliance.Deadlines, d => d.Name.StartsWith("Báo cáo kết quả"));
        Assert.DoesNotContain(compliance.Deadlines, d => d.Name.StartsWith("Đăng ký danh hiệu"));
        Assert.Contains("Hạn đăng ký danh hiệu (31/03) không phải là báo cáo", board.Find("#registration-note").TextContent);
    }

    [Fact]
    public async Task Remind_now_counts_only_the_people_it_really_reminded()
    {
        await app.AddUnitReporterAsync("mn2028@camtan.vn", "Vũ Thị Nhắc", "MN");
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var mn = await app.UnitAsync("MN");
        app.StartClockAt(new DateTime(2028, 12, 2, 9, 0, 0));
        var compliance = _services.GetRequiredService<ComplianceService>();
        var board = await compliance.BoardAsync(yearly, 2028);
        var noAccount = board.Rows.First(r => r.Reporters.Count == 0 && r.Subject.Kind == ReportSubjectKind.Unit).Subject;

        var first = await compliance.RemindNowAsync(yearly, 2028, [mn, noAccount]);
        Assert.Equal((1, 0, 1), (first.Reminded, first.AlreadyToday, first.WithoutAccount));
        Assert.StartsWith("Đã nhắc 1 người", first.Text);
        Assert.Contains("1 nơi chưa có tài khoản báo cáo", first.Text);

        var again = await compliance.RemindNowAsync(yearly, 2028, [mn]);
        Assert.Equal((0, 1, 0), (again.Reminded, again.AlreadyToday, again.WithoutAccount));
        Assert.Equal("Chưa nhắc ai: 1 người đã được nhắc hôm nay nên không nhắc lại.", again.Text);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}

// While the e-mail server cannot be reached, the reminder log says so on every e-mail left waiting.
public sealed class SmtpUnreachableLogTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [Fact]
    public async Task The_log_names_the_unreachable_server_on_each_waiting_e_mail_until_it_is_sent()
    {
        app.StartClockAt(new DateTime(2026, 11, 16, 7, 30, 0));
        await app.Smtp!.StopAsync();
        await Assert.ThrowsAsync<ReminderDeliveryException>(app.RunJobAsync);
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var log = await scope.ServiceProvider.GetRequiredService<ComplianceService>().LogAsync();
            var waiting = log.Where(r => r.Channel == ReminderChannel.Email).ToList();
            Assert.NotEmpty(waiting);
            Assert.All(waiting, r => Assert.StartsWith("Không kết nối được máy chủ e-mail 127.0.0.1:", r.LastError));
            Assert.All(waiting, r => Assert.Equal("Chờ gửi lại", r.StatusText));
        }

        app.Smtp.Start();
        await app.RunJobAsync();
        await using var db = await app.DbAsync();
        Assert.All(await db.Set<ReminderDispatch>().Where(d => d.Channel == ReminderChannel.Email).ToListAsync(),
            d => Assert.Equal((DispatchStatus.Sent, ""), (d.Status, d.LastError)));
    }
}
