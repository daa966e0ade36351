using AngleSharp.Dom;
using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// The scoring page rendered with the app's real services and database, as the scorer of the village.
public sealed class ScoringPageTests(ScoringWorkflowTests.App app) : IClassFixture<ScoringWorkflowTests.App>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;
    private int _registrationId;
    private static int _households;

    public async Task InitializeAsync()
    {
        // One household per test: the fixture's database is shared by the tests of this class.
        var household = await app.AddHouseholdAsync("T01", $"Lục Văn Trang {Interlocked.Increment(ref _households)}");
        _services = await _ctx.SignInAsync(app, "canbo@camtan.vn");
        await _services.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, app.Today.Year, [household]);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            _registrationId = await db.Set<Registration>().Where(r => r.SubjectId == household && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
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
    public async Task Totals_and_reasons_follow_each_value_and_out_of_range_input_is_refused_in_Vietnamese()
    {
        var (_, page) = Render();
        Assert.Contains("Chưa đánh giá tiêu chí 1.1", page.Find("#score-reasons").TextContent);

        await TypeAsync(page, "1.2", "8,5");
        Assert.StartsWith("Đã lưu lúc", page.Find("#save-state").TextContent);
        Assert.Equal("8,5/100", page.Find("#score-total").TextContent);

        await TypeAsync(page, "1.3", "12");
        Assert.Equal("Tiêu chí 1.3: điểm 12 phải từ 0 đến 10; tiêu chí này vẫn chưa có điểm.", Error(page, "1.3"));
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
    public async Task A_dot_or_a_comma_is_the_decimal_mark_the_total_follows_the_typing_and_the_score_is_saved_on_leaving_the_field()
    {
        var (_, page) = Render();
        Assert.Equal("0–10, bước 0,5", Field(page, "1.2").Find(".mud-input-helper-text").TextContent);

        await Input(page, "1.2").InputAsync(new ChangeEventArgs { Value = "2.5" });
        Assert.Equal("2,5/100", page.Find("#score-total").TextContent);
        Assert.Null(await SavedTenthsAsync("1.2"));
        await Input(page, "1.2").BlurAsync(new FocusEventArgs());
        Assert.Equal(25, await SavedTenthsAsync("1.2"));
        Assert.StartsWith("Đã lưu lúc", page.Find("#save-state").TextContent);

        await TypeAsync(page, "1.3", "2,5");
        Assert.Equal(25, await SavedTenthsAsync("1.3"));
        Assert.Equal("5/100", page.Find("#score-total").TextContent);
        Assert.Equal("2,5", Input(page, "1.2").GetAttribute("value"));
        Assert.Equal("2,5", Input(page, "1.3").GetAttribute("value"));
    }

    [Fact]
    public async Task Text_that_is_not_a_valid_score_is_shown_refused_never_counted_and_the_field_returns_to_the_saved_value()
    {
        var (_, page) = Render();
        await TypeAsync(page, "1.2", "6");
        Assert.Equal(60, await SavedTenthsAsync("1.2"));

        await Input(page, "1.2").InputAsync(new ChangeEventArgs { Value = "abc" });
        Assert.Equal("true", Input(page, "1.2").GetAttribute("aria-invalid"));
        Assert.Equal("0–10, bước 0,5", Field(page, "1.2").Find(".mud-input-helper-text.mud-input-error").TextContent); // still says what is allowed
        Assert.Equal("Tiêu chí 1.2: “abc” không phải là số; giữ nguyên giá trị đã lưu 6.", Error(page, "1.2"));
        Assert.Equal("6/100", page.Find("#score-total").TextContent);

        await Input(page, "1.2").InputAsync(new ChangeEventArgs { Value = "7" });
        Assert.Equal("7/100", page.Find("#score-total").TextContent);
        Assert.Equal("false", Input(page, "1.2").GetAttribute("aria-invalid"));
        Assert.Empty(page.FindAll(".score-row[data-item='1.2'] .item-error"));

        await Input(page, "1.2").InputAsync(new ChangeEventArgs { Value = "99999999999" });
        Assert.Equal("6/100", page.Find("#score-total").TextContent);
        Assert.Equal("Tiêu chí 1.2: điểm 99999999999 phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.", Error(page, "1.2"));

        await Input(page, "1.2").BlurAsync(new FocusEventArgs());
        Assert.Equal("6", Input(page, "1.2").GetAttribute("value"));
        Assert.Equal("false", Input(page, "1.2").GetAttribute("aria-invalid"));
        Assert.Contains("giữ nguyên giá trị đã lưu 6", Error(page, "1.2"));
        Assert.Equal("Chưa lưu giá trị không hợp lệ", page.Find("#save-state").TextContent);
        Assert.Equal("6/100", page.Find("#score-total").TextContent);
        Assert.Equal(60, await SavedTenthsAsync("1.2"));
        await using var check = await app.AsUserAsync("admin@camtan.vn");
        var history = (await check.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(_registrationId)).History;
        var line = Assert.Single(history, h => h.What == "Điểm tiêu chí 1.2");
        Assert.Equal(("(trống)", "6"), (line.Old, line.New));
    }

    [Fact]
    public async Task A_status_change_by_the_committee_while_scoring_shows_a_dialog_and_keeps_what_was_typed()
    {
        var (dialogs, page) = Render();
        await TypeAsync(page, "1.2", "6");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // The committee moved the sheet on meanwhile (as another browser would).
            await db.Set<Evaluation>().Where(e => e.RegistrationId == _registrationId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EvaluationStatus.Submitted));
        }

        await Input(page, "1.3").InputAsync(new ChangeEventArgs { Value = "7" });
        var leaving = Input(page, "1.3").BlurAsync(new FocusEventArgs()); // waits for the dialog to be closed

        dialogs.WaitForAssertion(() => Assert.Contains("không sửa được điểm", dialogs.Find("#not-saved-reason").TextContent));
        Assert.Equal("7", Input(page, "1.3").GetAttribute("value"));
        Assert.Equal("Chưa lưu giá trị 7.", Error(page, "1.3"));
        Assert.Equal("Chưa lưu", page.Find("#save-state").TextContent);
        Assert.Empty(page.FindAll("#scoring-error"));
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Đã hiểu")).ClickAsync(new MouseEventArgs());
        await leaving;
        page.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#not-saved-reason")));
        Assert.Equal("7", Input(page, "1.3").GetAttribute("value"));
        Assert.Null(await SavedTenthsAsync("1.3"));
    }

    [Fact]
    public async Task A_conflict_names_what_the_other_person_changed_and_keeping_mine_shows_their_values_with_mine()
    {
        var (dialogs, page) = Render();
        await using (var other = await app.AsUserAsync("admin@camtan.vn"))
        {
            // Another browser saves item 1.2 while this page still shows the sheet as it was loaded.
            var b = other.ServiceProvider.GetRequiredService<EvaluationService>();
            var sheet = await b.OpenAsync(_registrationId);
            await b.SaveScoreAsync(sheet.EvaluationId, sheet.Version, "1.2", "6");
        }

        await Input(page, "1.3").InputAsync(new ChangeEventArgs { Value = "7" });
        var leaving = Input(page, "1.3").BlurAsync(new FocusEventArgs()); // waits for the dialog to be closed

        dialogs.WaitForAssertion(() => Assert.Contains("Tiêu chí 1.2: (trống) → 6, do Quản trị hệ thống lưu lúc", dialogs.Find(".mud-dialog").TextContent));
        Assert.DoesNotContain("Tiêu chí 1.3 vừa được", dialogs.Find(".mud-dialog").TextContent);
        Assert.Equal("7", dialogs.Find("#conflict-mine").TextContent);
        Assert.Equal("(trống)", dialogs.Find("#conflict-theirs").TextContent);
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Giữ giá trị của tôi")).ClickAsync(new MouseEventArgs());
        await leaving;

        page.WaitForAssertion(() => Assert.Equal("6", Input(page, "1.2").GetAttribute("value")));
        Assert.Equal("7", Input(page, "1.3").GetAttribute("value"));
        Assert.Equal("13/100", page.Find("#score-total").TextContent);
        Assert.StartsWith("Đã lưu lúc", page.Find("#save-state").TextContent);
        Assert.Equal((60, 70), (await SavedTenthsAsync("1.2"), await SavedTenthsAsync("1.3")));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(130, await db.Set<Evaluation>().Where(e => e.RegistrationId == _registrationId).Select(e => e.TotalTenths).SingleAsync());
        }
    }

    [Fact]
    public async Task Plus_saves_the_next_step_and_the_evidence_of_an_item_stays_folded_until_asked_for()
    {
        var (_, page) = Render();
        Assert.Equal("0/13 tiêu chí", page.Find("#sheet-progress").TextContent);

        await page.Find(".score-row[data-item='1.2'] button.score-step[aria-label*='Thêm']").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.StartsWith("Đã lưu lúc", page.Find("#save-state").TextContent));
        Assert.Equal(5, await SavedTenthsAsync("1.2"));
        Assert.Equal("0,5/100", page.Find("#score-total").TextContent);
        Assert.Equal("1/13 tiêu chí", page.Find("#sheet-progress").TextContent);

        var row = ".score-row[data-item='1.3']";
        Assert.Empty(page.FindAll($"{row} .evidence-body"));
        Assert.Equal("Minh chứng", page.Find($"{row} .evidence-toggle").TextContent.Trim());
        await page.Find($"{row} .evidence-toggle").ClickAsync(new MouseEventArgs());
        await page.Find($"{row} .evidence-note input").ChangeAsync(new ChangeEventArgs { Value = "Sổ theo dõi của thôn" });
        page.WaitForAssertion(() => Assert.Equal("Minh chứng · có ghi chú", page.Find($"{row} .evidence-toggle").TextContent.Trim()));
        await using var check = await app.AsUserAsync("admin@camtan.vn");
        var sheet = await check.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(_registrationId);
        Assert.Equal("Sổ theo dõi của thôn", sheet.Answers.Items["1.3"].Note);
        Assert.Contains("Nguyễn Thị Hoa", sheet.NameOf("canbo@camtan.vn"));
    }

    private static IElement Input(IRenderedComponent<ScoringPage> page, string item) => page.Find($"input[id='score-{item}']");

    private static string Error(IRenderedComponent<ScoringPage> page, string item) => page.Find($".score-row[data-item='{item}'] .item-error").TextContent;

    private static IRenderedComponent<ScoreField> Field(IRenderedComponent<ScoringPage> page, string item) =>
        page.FindComponents<ScoreField>().Single(f => f.Instance.Item.Code == item);

    // What a person does: type, then leave the field (Enter moves to the next one). Awaited to the end of the save.
    private static async Task TypeAsync(IRenderedComponent<ScoringPage> page, string item, string text)
    {
        await Input(page, item).InputAsync(new ChangeEventArgs { Value = text });
        await Input(page, item).BlurAsync(new FocusEventArgs());
    }

    private async Task<int?> SavedTenthsAsync(string item)
    {
        await using var check = await app.AsUserAsync("admin@camtan.vn");
        var sheet = await check.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(_registrationId);
        return sheet.Answers.Items.GetValueOrDefault(item)?.ScoreTenths;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
