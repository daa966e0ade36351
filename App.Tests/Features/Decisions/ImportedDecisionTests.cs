using System.Net;
using Bunit;
using FluentValidation;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.YearData.PastLists;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.Decisions;

// A decision recorded from the list of a past year reads as "Công nhận (nhập từ danh sách)" wherever it is shown, with
// its number and date, and offers no .docx or certificate: the app never issued it.
public sealed class ImportedDecisionTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const int Year = 2023;
    private readonly BunitContext _ctx = new();
    private AsyncServiceScope _scope;
    private int _decisionId;

    public async Task InitializeAsync()
    {
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            if (!await db.Set<Decision>().AnyAsync(d => d.IssuedYear == Year && d.Number == 41))
            {
                var village = await db.Villages.SingleAsync(v => v.Code == "T01");
                var household = new Household { CommuneId = village.CommuneId, VillageId = village.Id, Code = "T01-NDS1", HeadName = "Lê Văn Thử", HeadNameSearch = VietnameseText.SearchKey("Lê Văn Thử") };
                db.Add(household);
                await db.SaveChangesAsync();
                await using var committee = await app.AsUserAsync("bcd@camtan.vn");
                var lists = committee.ServiceProvider.GetRequiredService<PastListService>();
                var file = ResultsFiles.Write(PastListColumns.For(Title.FamilyLearning), [new() { ["Mã hộ"] = household.Code }]);
                var form = new PastListForm { Year = Year, Title = Title.FamilyLearning, DecisionNumber = "41/QĐ-UBND", DecisionDate = new DateTime(Year, 12, 18) };
                Assert.Equal(1, await lists.WriteAsync(await lists.PreviewAsync(form, file, "ds-2023.xlsx")));
            }
            _decisionId = await db.Set<Decision>().Where(d => d.IssuedYear == Year && d.Number == 41).Select(d => d.Id).SingleAsync();
        }
        _scope = await app.AsUserAsync("bcd@camtan.vn");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<DecisionService>());
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<WorkingYear>());
        _ctx.AddAuthorization().SetAuthorized("bcd@camtan.vn").SetRoles(Roles.Committee);
        _ctx.Render<MudPopoverProvider>();
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scope.DisposeAsync();
    }

    private DecisionService Decisions => _scope.ServiceProvider.GetRequiredService<DecisionService>();

    [Fact]
    public async Task The_service_marks_it_imported_refuses_its_documents_and_its_codes_verify_nothing()
    {
        var row = Assert.Single(await Decisions.ListAsync(Year), d => d.Id == _decisionId);
        Assert.True(row.Imported);
        var detail = await Decisions.GetAsync(_decisionId);
        Assert.True(detail.Imported);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Decisions.DecisionDocxAsync(_decisionId));
        Assert.Equal("Quyết định số 41/QĐ-UBND ngày 18/12/2023 là công nhận (nhập từ danh sách): phần mềm chỉ lưu danh sách, "
            + "không phát hành văn bản hay giấy công nhận cho quyết định này.", refused.Message);
        await Assert.ThrowsAsync<ValidationException>(() => Decisions.CertificatesPdfAsync(_decisionId, ""));
        Assert.Null(await Decisions.VerifyAsync(Assert.Single(detail.Subjects).CertificateCode));
    }

    [Fact]
    public async Task Its_download_addresses_answer_409_with_the_reason()
    {
        var client = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(client, "bcd@camtan.vn", AppFactory.DemoPassword);
        foreach (var file in new[] { "quyet-dinh.docx", "giay-cong-nhan.pdf" })
        {
            var response = await client.GetAsync($"/quyet-dinh/{_decisionId}/{file}");
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("công nhận (nhập từ danh sách)", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public void The_decision_list_shows_it_as_imported_without_download_buttons()
    {
        _scope.ServiceProvider.GetRequiredService<WorkingYear>().Set(Year);
        var page = _ctx.Render<DecisionsPage>();
        page.WaitForAssertion(() => Assert.Contains("41/QĐ-UBND", page.Find("#decisions-table").TextContent));
        var row = page.FindAll("#decisions-table tbody tr").Single(r => r.TextContent.Contains("41/QĐ-UBND"));
        Assert.Contains("18/12/2023", row.TextContent);
        Assert.Contains("Công nhận (nhập từ danh sách)", row.QuerySelector(".imported-decision")!.TextContent);
        Assert.Empty(row.QuerySelectorAll("a[href$='.docx'], a[href$='.pdf']"));
    }

    [Fact]
    public void Its_page_says_imported_with_number_and_date_and_offers_no_document()
    {
        var page = _ctx.Render<DecisionPage>(p => p.Add(x => x.Id, _decisionId));
        page.WaitForAssertion(() => Assert.Contains("Công nhận (nhập từ danh sách)", page.Find("#imported-chip").TextContent));
        Assert.Contains("theo Quyết định số 41/QĐ-UBND ngày 18/12/2023", page.Find("#decision-summary").TextContent);
        Assert.Contains("nhập từ tệp ds-2023.xlsx", page.Find("#imported-source").TextContent);
        Assert.Empty(page.FindAll("#download-docx, #download-pdf, a[href$='.docx'], a[href$='.pdf']"));
        Assert.DoesNotContain("Mã xác minh", page.Find("#decision-subjects").TextContent);
        Assert.Contains("Hộ Lê Văn Thử (T01-NDS1)", page.Find("#decision-subjects").TextContent);
    }
}
