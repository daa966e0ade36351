using Bunit;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

// The dashboard components rendered with the app's real services and database, on a fixed date: 15/01/2027, when
// 2026 is closed, unless a test moves the clock into 2026.
public sealed class DashboardViewTests(AfterYear2026App app) : IClassFixture<AfterYear2026App>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;
    private WorkingYear _year = default!;

    public async Task InitializeAsync()
    {
        app.StartClockAt(new DateTime(2027, 1, 15, 9, 0, 0));
        _services = await _ctx.SignInAsync(app, "bcd@camtan.vn");
        _year = _services.GetRequiredService<WorkingYear>();
        _year.Set(2026);
        _ctx.Render<MudPopoverProvider>();
    }

    [Fact]
    public void The_dashboard_labels_both_denominators_and_follows_the_working_year()
    {
        var view = _ctx.Render<DashboardView>();
        view.WaitForAssertion(() => Assert.Equal("2026", view.Find("#dashboard").GetAttribute("data-year")));
        var summary = view.Find("#title-summary").TextContent;
        Assert.Contains("% trên tổng số", summary);
        Assert.Contains("% trên số đăng ký", summary);
        Assert.Contains("Gia đình học tập", summary);
        Assert.Contains("70,00 %", view.Find("#trend-table").TextContent);
        Assert.Contains("% trên tổng số hộ", view.Find("#village-table").TextContent);
        Assert.Contains("% trên số hộ đăng ký", view.Find("#village-table").TextContent);
        Assert.Equal(10, view.FindAll("#village-table tbody tr").Count);
        Assert.Contains("Biểu đồ tỷ lệ hộ đạt Gia đình học tập theo thôn", view.Find("#village-chart-summary").TextContent);
        // The rules behind the figures are stated where they are read: the year rule and the order of decisions.
        Assert.Contains("vào ngày 31/12 của năm đó", view.Find("#year-rule").TextContent);
        Assert.Contains("Gia đình học tập và Công dân học tập trước", view.Find("#decision-order").TextContent);
        // The deadlines feature answers who has reported: the default 30/11 deadline, nobody has submitted yet.
        Assert.Contains("30/11", view.Find("#compliance").TextContent);
        Assert.NotEmpty(view.FindAll(".traffic-light"));

        _year.Set(2024);
        view.WaitForAssertion(() => Assert.Equal("2024", view.Find("#dashboard").GetAttribute("data-year")));
        Assert.Contains("năm 2024", view.Markup);
    }

    [Fact]
    public async Task The_summary_shows_the_light_and_the_gap_of_a_known_commune()
    {
        var commune = await DashboardTestData.CreateAsync(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var figures = await DashboardQueries.YearAsync(db, commune.CommuneId, 2026);
        var table = _ctx.Render<TitleSummaryTable>(p => p.Add(x => x.Data, figures));
        var family = table.Find("tr[data-title=FamilyLearning]");
        Assert.Equal("53,33 %", family.QuerySelector(".pct-all")!.TextContent);
        Assert.Equal("61,54 %", family.QuerySelector(".pct-registered")!.TextContent);
        Assert.Equal("Gần đạt", family.QuerySelector(".traffic-light")!.TextContent.Trim());
        Assert.Equal("cần thêm 1 hộ", family.QuerySelector(".gap")!.TextContent.Trim());
        Assert.Equal("Chưa có chỉ tiêu", table.Find("tr[data-title=CitizenLearning] .traffic-light").TextContent.Trim());

        var villages = _ctx.Render<VillageTable>(p => p.Add(x => x.Data, figures).Add(x => x.ShowLeftToScore, true));
        var a = villages.Find("tr[data-village=A]");
        Assert.Contains("light-met", a.QuerySelector(".pct-all")!.ClassName);
        Assert.Equal("1", villages.Find("tr[data-village=A] .left-to-score").TextContent);
        Assert.Contains("light-not-met", villages.Find("tr[data-village=B] .pct-all").ClassName);
        Assert.Equal("—", villages.Find("tr[data-village=C] .pct-all").TextContent);
        Assert.Equal($"/ho-gia-dinh?thon={commune.VillageA}", a.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_year_in_progress_shows_progress_not_a_red_light_and_counts_what_awaits_a_decision()
    {
        var commune = await DashboardTestData.CreateAsync(app);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await DashboardTestData.AddAwaitingDecisionAsync(db, commune);
        }
        await using var read = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var figures = (await DashboardQueries.YearAsync(read, commune.CommuneId, 2026)).AsOf(new DateOnly(2026, 6, 15));

        var table = _ctx.Render<TitleSummaryTable>(p => p.Add(x => x.Data, figures));
        var family = table.Find("tr[data-title=FamilyLearning]");
        Assert.Equal("Năm đang thực hiện", family.QuerySelector(".traffic-light")!.TextContent.Trim());
        Assert.Equal("InProgress", family.QuerySelector(".traffic-light")!.GetAttribute("data-status"));
        Assert.Equal("còn cần 1 hộ", family.QuerySelector(".gap")!.TextContent.Trim());
        // 8 recognised, and beside them the reviewed household that meets the criteria and awaits its decision.
        Assert.Equal("1", family.QuerySelector(".awaiting")!.TextContent.Trim());
        Assert.Contains("Đạt tiêu chí, chờ quyết định", table.Find("thead").TextContent);
        Assert.DoesNotContain(table.FindAll(".traffic-light"), l => l.TextContent.Contains("Chưa đạt") || l.TextContent.Contains("Gần đạt"));

        var villages = _ctx.Render<VillageTable>(p => p.Add(x => x.Data, figures));
        Assert.DoesNotContain("light-not-met", villages.Find("tr[data-village=B] .pct-all").ClassName);
        Assert.DoesNotContain("light-near", villages.Markup);

        // The same figures once the year is over are judged against the target.
        var closed = (await DashboardQueries.YearAsync(read, commune.CommuneId, 2026)).AsOf(new DateOnly(2027, 1, 1));
        Assert.Equal(TargetStatus.Near, closed.For(Title.FamilyLearning).Status);
    }

    [Fact]
    public void The_dashboard_on_a_day_of_the_working_year_says_the_year_is_in_progress()
    {
        app.StartClockAt(new DateTime(2026, 6, 15, 9, 0, 0));
        var view = _ctx.Render<DashboardView>();
        view.WaitForAssertion(() => Assert.Equal("2026", view.Find("#dashboard").GetAttribute("data-year")));
        Assert.Contains("Tiến độ các danh hiệu năm 2026", view.Markup);
        var note = view.Find("#year-in-progress").TextContent;
        Assert.Contains("Năm đang thực hiện", note);
        Assert.Contains("31/12/2026", note);
        Assert.Contains("15/06/2026", note);
        Assert.DoesNotContain(view.FindAll("#title-summary .traffic-light"), l => l.GetAttribute("data-status") is "NotMet" or "Near");
        Assert.Contains("Tổng số: người từ 15 tuổi trở lên", view.Find("tr[data-title=CitizenLearning]").TextContent);
        Assert.Equal("người từ 15 tuổi trở lên (sinh năm 2011 trở về trước)", view.Find("#citizen-total-rule").TextContent);

        app.StartClockAt(new DateTime(2027, 1, 15, 9, 0, 0));
        _year.Set(2025);
        view.WaitForAssertion(() => Assert.Equal("2025", view.Find("#dashboard").GetAttribute("data-year")));
        Assert.Empty(view.FindAll("#year-in-progress"));
        Assert.Contains("Kết quả các danh hiệu năm 2025", view.Markup);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
