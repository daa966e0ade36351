using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// The scoring page rendered with the app's real services and database, as the scorer of the village.
[Collection(AppCollection.Name)]
public sealed class ScoringPageTests(ScoringWorkflowTests.App app) : IClassFixture<ScoringWorkflowTests.App>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private AsyncServiceScope _scope;
    private int _registrationId;
    private static int _households;

    public async Task InitializeAsync()
    {
        // One household per test: the fixture's database is shared by the tests of this class.
        var household = await app.AddHouseholdAsync("T01", $"Lục Văn Trang {Interlocked.Increment(ref _households)}");
        _scope = await app.AsUserAsync("canbo@camtan.vn");
        await _scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, DateTime.UtcNow.Year, [household]);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            _registrationId = await db.Set<Registration>().Where(r => r.SubjectId == household && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
        }
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        foreach (var type in new[] { typeof(EvaluationService), typeof(EvidenceService), typeof(RegistrationService) })
        {
            _ctx.Services.AddSingleton(type, _scope.ServiceProvider.GetRequiredService(type));
        }
    }

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ScoringPage> Page) Render()
    {
        _ctx.Render<MudPopoverProvider>();
        var dialogs = _ctx.Render<MudDialogProvider>();
        _ctx.Render<MudSnackbarProvider>();
        var page = _ctx.Render<ScoringPage>(p => p.Add(x => x.RegistrationId, _registrationId));
        page.WaitForAssertion(() => Assert.Equal("0/100", page.Find("#score-total").TextContent));
        return (dialogs, page);
    }

    [Fact]
    public void Totals_and_reasons_follow_each_value_and_out_of_range_input_is_refused_in_Vietnamese()
    {
        var (_, page) = Render();
        Assert.Contains("Chưa đánh giá tiêu chí 1.1", page.Find("#score-reasons").TextContent);

        page.Find("input[id='score-1.2']").Change("8,5");
        page.WaitForAssertion(() => Assert.Equal("8,5/100", page.Find("#score-total").TextContent));
        page.WaitForAssertion(() => Assert.StartsWith("Đã lưu lúc", page.Find("#save-state").TextContent));

        page.Find("input[id='score-1.3']").Change("12");
        page.WaitForAssertion(() => Assert.Equal("Tiêu chí 1.3: điểm 12 phải từ 0 đến 10.", page.Find(".score-row[data-item='1.3'] .item-error").TextContent));
        Assert.Equal("8,5/100", page.Find("#score-total").TextContent);
    }

    [Fact]
    public void The_scorer_sees_that_the_set_and_some_of_its_items_are_not_yet_checked()
    {
        var (_, page) = Render();
        // QĐ 448 ships "chưa đối chiếu": the set, item 2.3 and the points of groups 3 and 4; group 1 is from the text.
        Assert.Contains("Chưa đối chiếu", page.Find("#scoring-set .unchecked-chip").TextContent);
        Assert.Contains("chưa đối chiếu", page.Find("#scoring-set-note").TextContent);
        foreach (var code in new[] { "2.3", "3.1", "3.4", "4.1", "4.3" })
        {
            Assert.NotNull(page.Find($".score-row[data-item='{code}'] .unchecked-chip"));
        }
        foreach (var code in new[] { "1.1", "1.2", "2.1" })
        {
            Assert.Empty(page.FindAll($".score-row[data-item='{code}'] .unchecked-chip"));
        }
    }

    [Fact]
    public async Task A_value_saved_meanwhile_by_someone_else_shows_both_values_and_overwrites_nothing()
    {
        var (dialogs, page) = Render();
        await using (var other = await app.AsUserAsync("admin@camtan.vn"))
        {
            var evaluations = other.ServiceProvider.GetRequiredService<EvaluationService>();
            var sheet = await evaluations.OpenAsync(_registrationId);
            await evaluations.SaveAnswerAsync(sheet.EvaluationId, sheet.Version, "2.1", new StoredAnswer(ScoreTenths: 90));
        }

        page.Find("input[id='score-2.1']").Change("6");
        dialogs.WaitForAssertion(() => Assert.Contains("Hồ sơ vừa được người khác sửa", dialogs.Markup));
        Assert.Equal("6", dialogs.Find("#conflict-mine").TextContent);
        Assert.Equal("9", dialogs.Find("#conflict-theirs").TextContent);
        Assert.Contains("admin@camtan.vn", dialogs.Markup);
        await using var check = await app.AsUserAsync("admin@camtan.vn");
        Assert.Equal(90, (await check.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(_registrationId)).Answers.Items["2.1"].ScoreTenths);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
