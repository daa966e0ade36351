using Bunit;
using FluentValidation;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.YearData;
using HocTapSuotDoi.Tests.Features.Documents;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.YearData;

// The years before the app: figures entered from past reports show in the trend and the dashboard, marked as entered.
public sealed class PastYearFiguresTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static PastFigureForm Form(int year, Title title, int total, int recognised, int? registered = null, string source = "Báo cáo tổng kết năm của Ban chỉ đạo") =>
        new() { Year = year, Title = title, Total = total, Recognised = recognised, Registered = registered, Source = source };

    private async Task<int> SaveAsync(PastFigureForm form, string email = "bcd@camtan.vn")
    {
        await using var scope = await app.AsUserAsync(email);
        return await scope.ServiceProvider.GetRequiredService<PastYearFigureService>().SaveAsync(form);
    }

    [Fact]
    public async Task Figures_entered_for_2016_show_in_the_trend_and_the_dashboard_of_that_year_marked_as_entered()
    {
        await SaveAsync(Form(2016, Title.FamilyLearning, 1_900, 800, 1_100, "Báo cáo tổng kết năm 2016 của Ban chỉ đạo"));
        await SaveAsync(Form(2016, Title.ClanLearning, 28, 9));

        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        Assert.Equal(2016, scope.ServiceProvider.GetRequiredService<WorkingYear>().Choices.First());
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var now = await dashboard.GetAsync(2026);
        var point = now.Trend.Single(p => p.Year == 2016 && p.Title == Title.FamilyLearning);
        Assert.True(point.Entered);
        Assert.Equal((1_900, 1_100, 800), (point.Counts.Total, point.Counts.Registered, point.Counts.Recognised));
        Assert.Equal("Báo cáo tổng kết năm 2016 của Ban chỉ đạo", point.Source);
        Assert.False(now.Trend.Single(p => p.Year == 2017 && p.Title == Title.FamilyLearning).Entered);

        var past = await dashboard.GetAsync(2016);
        Assert.True(past.Figures.Entered);
        Assert.Equal((28, 9), (past.Figures.For(Title.ClanLearning).Counts.Total, past.Figures.For(Title.ClanLearning).Counts.Recognised));
        Assert.Contains("Báo cáo tổng kết năm 2016 của Ban chỉ đạo", past.Figures.Sources);
    }

    [Fact]
    public async Task The_yearly_report_compares_with_the_figures_entered_for_the_year_before_and_says_they_were_entered()
    {
        await SaveAsync(Form(2022, Title.FamilyLearning, 1_950, 1_200, 1_500, "Báo cáo tổng kết năm 2022 của Ban chỉ đạo"));

        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var report = await scope.ServiceProvider.GetRequiredService<ReportService>().BuildAsync(2023);
        Assert.True(report.PreviousYear.Entered);
        var family = report.PreviousYear.For(Title.FamilyLearning).Counts;
        Assert.Equal((1_950, 1_500, 1_200), (family.Total, family.Registered, family.Recognised));
        var text = HocTapSuotDoi.Tests.Features.Dashboard.ReportTests.DocxText(ReportDocx.Write(report));
        Assert.Contains("Số liệu năm 2022 là số liệu nhập từ báo cáo của năm đó (nguồn: Báo cáo tổng kết năm 2022 của Ban chỉ đạo).", text);
    }

    [Fact]
    public async Task A_year_entered_as_commune_totals_prints_no_village_or_group_zeros_and_its_village_total_agrees_with_the_title_table()
    {
        await SaveAsync(Form(2021, Title.VillageCommunity, 8, 5, source: "Báo cáo tổng kết năm 2021 của Ban chỉ đạo"));
        await SaveAsync(Form(2021, Title.CitizenLearning, 2_000, 400, source: "Báo cáo tổng kết năm 2021 của Ban chỉ đạo"));

        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var report = await scope.ServiceProvider.GetRequiredService<ReportService>().BuildAsync(2021);

        var villages = ReportTables.VillageRows(report.Figures).Select(r => r.Select(ReportTables.Format).ToList()).ToList();
        // No village figure was entered: every village cell says so, and the total row is the title table's.
        Assert.All(villages.SkipLast(1), row => Assert.All(row.Skip(1), cell => Assert.Equal("—", cell)));
        Assert.Equal(["Cộng", "2.000", "400", "20,00 %", "—", "5/8 thôn"], villages[^1].Take(1).Concat(villages[^1].Skip(6)));
        Assert.All(ReportTables.GroupRows(report.Figures), row => Assert.All(row.Skip(1).Select(ReportTables.Format), cell => Assert.Equal("—", cell)));

        var pdf = LibreOffice.ToPdf(ReportDocx.Write(report), "bao-cao-2021.docx");
        var lines = LibreOffice.Lines(pdf);
        var text = LibreOffice.Flat(string.Join("\n", lines));
        Assert.DoesNotContain(lines, l => l.Contains("Chưa đăng ký"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("Cộng ", StringComparison.Ordinal) && l.Contains("5/8 thôn"));
        Assert.Contains("Số liệu năm 2021 được nhập theo tổng số toàn xã, không có số liệu riêng của từng thôn", text);
        Assert.Contains("Số liệu năm 2021 được nhập theo tổng số toàn xã, không có số liệu theo nhóm đối tượng", text);
        Assert.False(report.Compliance.HasData);
        Assert.Contains(LibreOffice.Flat(ReportCompliance.EnteredYearText(2021)), text);
    }

    [Fact]
    public async Task The_dashboard_of_a_year_entered_as_commune_totals_shows_no_village_or_group_zeros()
    {
        await SaveAsync(Form(2020, Title.FamilyLearning, 1_800, 900, source: "Báo cáo tổng kết năm 2020 của Ban chỉ đạo"));

        await using var ctx = new PageTestContext();
        var services = await ctx.SignInAsync(app, "bcd@camtan.vn");
        var dashboard = await services.GetRequiredService<DashboardService>().GetAsync(2020);
        var figures = dashboard.Figures;
        Assert.True(figures.Entered);
        // Nobody reported through the app that year: no village or unit is listed as "chưa nộp".
        var compliance = ctx.Render<ComplianceSummary>(p => p.Add(x => x.Compliance, dashboard.Compliance));
        Assert.Empty(compliance.FindAll("#compliance"));
        Assert.Equal(ReportCompliance.EnteredYearText(2020), compliance.Find("#compliance-none").TextContent.Trim());

        var titles = ctx.Render<TitleSummaryTable>(p => p.Add(x => x.Data, figures));
        var family = titles.Find("tr[data-title=FamilyLearning]").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1.800", "—", "—", "900"], family.Skip(1).Take(4));
        Assert.Equal("50,00 %", titles.Find("tr[data-title=FamilyLearning] .pct-all").TextContent);

        var villages = ctx.Render<VillageTable>(p => p.Add(x => x.Data, figures));
        Assert.NotEmpty(villages.FindAll("tbody tr[data-village]"));
        Assert.All(villages.FindAll("tbody tr[data-village]"), row => Assert.All(row.QuerySelectorAll("td").Skip(1), cell => Assert.Equal("—", cell.TextContent.Trim())));
        Assert.Equal("Số liệu năm 2020 được nhập theo tổng số toàn xã, không có số liệu riêng của từng thôn (ô “—”).", villages.Find("#village-note").TextContent);

        var chart = ctx.Render<VillageChart>(p => p.Add(x => x.Data, figures));
        Assert.Empty(chart.FindAll("li[data-village]"));
        Assert.Contains("số liệu năm 2020 được nhập theo tổng số toàn xã", chart.Find("#village-chart-summary").TextContent);
    }

    [Fact]
    public async Task A_previous_year_entered_without_a_registered_count_shows_in_the_year_on_year_comparison()
    {
        await SaveAsync(Form(2025, Title.FamilyLearning, 1_000, 700, source: "Báo cáo tổng kết năm 2025 của Ban chỉ đạo"));

        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var report = await reports.BuildAsync(2026);

        var family = ReportTables.ComparisonRows(report.Figures, report.PreviousYear).Single(r => Equals(r[0], "Gia đình học tập"));
        Assert.Equal("70,00 %", ReportTables.Format(family[6]));
        var lines = LibreOffice.Lines(LibreOffice.ToPdf(ReportDocx.Write(report), "bao-cao-2026.docx")).Select(LibreOffice.Flat);
        Assert.Contains(lines, l => l.Contains("Gia đình học tập") && l.Contains("70,00 %"));

        // The year itself: a registered count nobody entered is not printed as zero.
        var entered = ReportTables.TitleRows((await reports.BuildAsync(2025)).Figures).Single(r => Equals(r[0], "Gia đình học tập (hộ)"));
        Assert.Equal(["1.000", "—", "—", "700", "70,00 %", "—"], entered.Skip(1).Select(ReportTables.Format));
    }

    [Fact]
    public async Task Saving_again_updates_the_figure_and_a_stale_form_is_refused()
    {
        var version = await SaveAsync(Form(2018, Title.VillageCommunity, 10, 3));
        var form = Form(2018, Title.VillageCommunity, 10, 4);
        form.Version = version;
        Assert.Equal(version + 1, await SaveAsync(form));
        await Assert.ThrowsAsync<StaleEditException>(() => SaveAsync(form));
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var row = (await scope.ServiceProvider.GetRequiredService<PastYearFigureService>().ListAsync(2018, null)).Single(r => r.Title == Title.VillageCommunity);
        Assert.Equal((10, 4), (row.Total, row.Recognised));
    }

    [Theory]
    [InlineData(10, 11, null, "Báo cáo", "Số được công nhận (11) không được lớn hơn tổng số (10).")]
    [InlineData(10, 6, 5, "Báo cáo", "Số được công nhận (6) không được lớn hơn số đăng ký (5).")]
    [InlineData(10, 5, null, "", "Hãy ghi nguồn số liệu")]
    [InlineData(0, 0, null, "Báo cáo", "Tổng số phải lớn hơn 0.")]
    public async Task Bad_figures_get_Vietnamese_messages_and_nothing_is_saved(int total, int recognised, int? registered, string source, string message)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => SaveAsync(Form(2019, Title.UnitLearning, total, recognised, registered, source)));
        Assert.Contains(message, error.Message);
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        Assert.Null((await scope.ServiceProvider.GetRequiredService<PastYearFigureService>().ListAsync(2019, null)).Single(r => r.Title == Title.UnitLearning).Total);
    }

    [Fact]
    public async Task The_current_year_is_counted_from_the_app_not_entered()
    {
        var thisYear = TimeZoneInfo.ConvertTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), VnTime.Zone).Year;
        var error = await Assert.ThrowsAsync<ValidationException>(() => SaveAsync(Form(thisYear, Title.FamilyLearning, 10, 5)));
        Assert.Contains("Chỉ nhập số liệu cho các năm từ 2016 đến năm trước", error.Message);
    }

    [Theory]
    [InlineData("canbo@camtan.vn")]
    [InlineData("xem@camtan.vn")]
    [InlineData("donvi@camtan.vn")]
    public async Task Only_administrators_and_the_committee_enter_past_figures(string email)
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => SaveAsync(Form(2020, Title.FamilyLearning, 10, 5), email));
    }
}
