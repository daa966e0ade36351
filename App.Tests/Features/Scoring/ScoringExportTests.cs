using System.Net;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Decisions;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HocTapSuotDoi.Tests.Features.Scoring;

public sealed class ScoringExportTests(ScoringWorkflowTests.App app) : IClassFixture<ScoringWorkflowTests.App>
{
    [Fact]
    public async Task The_title_list_exports_as_filtered_and_only_within_the_users_scope()
    {
        var year = app.Today.Year;
        var mine = await app.AddHouseholdAsync("T02", "Ông Văn Xuất");
        var other = await app.AddHouseholdAsync("T08", "Ông Văn Ngoài");
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, year, [mine, other]);
        }

        using var client = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(client, "canbo@camtan.vn", AppFactory.DemoPassword);
        var response = await client.GetAsync($"/xuat/danh-hieu?title=FamilyLearning&year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["Đối tượng"] == "Hộ Ông Văn Xuất (T02-0001)" && (string)r["Trạng thái"] == "Chưa chấm");
        Assert.DoesNotContain(rows, r => ((string)r["Đối tượng"]).Contains("Ông Văn Ngoài"));

        using var anonymous = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/xuat/danh-hieu?title=FamilyLearning&year={year}")).StatusCode);
    }

    [Fact]
    public async Task A_title_scored_by_level_lists_and_exports_its_level_without_points()
    {
        var ids = await app.AddEvaluationsAsync(Title.UnitLearning, 2025,
            new Scored("Trường Mầm non Xuất Mức", "T01", 0), new Scored("Trường Tiểu học Xuất Điểm", "T01", 875));
        await app.ScoreByLevelAsync([ids["Trường Mầm non Xuất Mức"]], "Mức độ 1");

        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var list = (await scope.ServiceProvider.GetRequiredService<RegistrationService>()
                .ListAsync(new RegistrationQuery(Title.UnitLearning, 2025), new PageRequest(0, 50))).Items;
            Assert.Equal((null, "Mức độ 1"), list.Where(r => r.SubjectName == "Trường Mầm non Xuất Mức").Select(r => (r.TotalTenths, r.Rating)).Single());
            Assert.Equal(875, list.Single(r => r.SubjectName == "Trường Tiểu học Xuất Điểm").TotalTenths);
        }

        using var client = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(client, "bcd@camtan.vn", AppFactory.DemoPassword);
        var response = await client.GetAsync("/xuat/danh-hieu?title=UnitLearning&year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var level = rows.Single(r => (string)r["Đối tượng"] == "Trường Mầm non Xuất Mức");
        Assert.Null(level["Tổng điểm"]);
        Assert.Equal("Mức độ 1", level["Xếp loại"]);
        Assert.Equal("87,5", rows.Single(r => (string)r["Đối tượng"] == "Trường Tiểu học Xuất Điểm")["Tổng điểm"]);
    }
}
