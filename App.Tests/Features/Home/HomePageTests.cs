using Bunit;
using HocTapSuotDoi.Features.Home;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Home;

// The first screen after sign-in: the user's scope said in words, then what that role works on (the dashboard for the
// committee, "my villages" for a scorer, the unit's sheet and reports for a unit reporter, counts for a viewer).
public sealed class HomePageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    private async Task<HomeSummary> SummaryAsync(string email)
    {
        await using var scope = await app.AsUserAsync(email);
        return await scope.ServiceProvider.GetRequiredService<HomeService>().GetSummaryAsync();
    }

    [Fact]
    public async Task Each_scope_is_said_in_words_with_what_it_covers()
    {
        var commune = await SummaryAsync("xem@camtan.vn");
        Assert.Equal("Cẩm Tân", commune.CommuneName);
        Assert.Equal("toàn xã Cẩm Tân", commune.ScopeText);
        Assert.Equal(DemoDataSeeder.VillageNames, commune.VillageNames);
        Assert.Equal(DemoDataSeeder.UnitSeeds.Count, commune.Units);

        var scorer = await SummaryAsync("canbo@camtan.vn");
        Assert.Equal("2 thôn: Thôn Tân Hòa, Thôn Tân Thành", scorer.ScopeText);
        Assert.Equal(2, scorer.Villages);

        var unit = await SummaryAsync("donvi@camtan.vn");
        Assert.Equal("đơn vị Trường THCS Cẩm Tân", unit.ScopeText);
        Assert.Equal(0, unit.Villages);
        Assert.Equal(1, unit.Units);
    }

    [Fact]
    public async Task A_viewer_sees_the_scope_and_the_counts_of_villages_and_units()
    {
        await _ctx.SignInAsync(app, "xem@camtan.vn");
        var page = _ctx.Render<HomePage>();

        page.WaitForAssertion(() => Assert.Contains("toàn xã Cẩm Tân", page.Find("#home-scope").TextContent));
        Assert.Contains($"năm {app.Today.Year}", page.Find("#home-scope").TextContent);
        Assert.Contains("Thôn trong phạm vi", page.Markup);
        Assert.Contains("Đơn vị trong phạm vi", page.Markup);
        Assert.Empty(page.FindAll("#scorer-home, #unit-home, #dashboard"));
    }

    [Fact]
    public async Task A_scorer_lands_on_the_villages_left_to_score()
    {
        await _ctx.SignInAsync(app, "canbo@camtan.vn");
        var page = _ctx.Render<HomePage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#scorer-home")));
        Assert.Contains("2 thôn: Thôn Tân Hòa, Thôn Tân Thành", page.Find("#home-scope").TextContent);
        Assert.StartsWith("Còn phải chấm:", page.Find("#left-to-score").TextContent.Trim());
        Assert.Empty(page.FindAll("#unit-home, #dashboard"));
    }

    [Fact]
    public async Task A_unit_reporter_lands_on_the_units_sheet_and_reports()
    {
        await _ctx.SignInAsync(app, "donvi@camtan.vn");
        var page = _ctx.Render<HomePage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#unit-home")));
        Assert.Contains("đơn vị Trường THCS Cẩm Tân", page.Find("#home-scope").TextContent);
        Assert.Contains($"Báo cáo của đơn vị năm {app.Today.Year}", page.Find("#unit-home").TextContent);
        Assert.Empty(page.FindAll("#scorer-home, #dashboard"));
    }

    [Fact]
    public async Task After_a_password_change_the_home_page_says_so()
    {
        await _ctx.SignInAsync(app, "xem@camtan.vn");
        _ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/?da-doi-mat-khau=1");
        var page = _ctx.Render<HomePage>();

        page.WaitForAssertion(() => Assert.Equal("Đã đổi mật khẩu.", page.Find("#password-changed").TextContent.Trim()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
