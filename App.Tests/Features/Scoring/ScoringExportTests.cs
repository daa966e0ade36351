using System.Net;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
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
}
