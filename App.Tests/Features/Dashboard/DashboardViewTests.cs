using Bunit;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

// The dashboard components rendered with the app's real services and database.
[Collection(AppCollection.Name)]
public sealed class DashboardViewTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private AsyncServiceScope _scope;
    private WorkingYear _year = default!;

    public async Task InitializeAsync()
    {
        _scope = await app.AsUserAsync("bcd@camtan.vn");
        _year = _scope.ServiceProvider.GetRequiredService<WorkingYear>();
        _year.Set(2026);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<DashboardService>());
        _ctx.Services.AddSingleton(_year);
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
        Assert.Contains("70,0 %", view.Find("#trend-table").TextContent);
        Assert.Contains("% trên tổng số hộ", view.Find("#village-table").TextContent);
        Assert.Contains("% trên số hộ đăng ký", view.Find("#village-table").TextContent);
        Assert.Equal(10, view.FindAll("#village-table tbody tr").Count);
        Assert.Contains("Biểu đồ tỷ lệ hộ đạt Gia đình học tập theo thôn", view.Find("#village-chart-summary").TextContent);
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
        Assert.Equal("53,3 %", family.QuerySelector(".pct-all")!.TextContent);
        Assert.Equal("61,5 %", family.QuerySelector(".pct-registered")!.TextContent);
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

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
