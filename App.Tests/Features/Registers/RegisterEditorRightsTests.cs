using Bunit;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.TestSupport;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Registers;

// The "new" forms of the registers, opened by URL by a role that may only read: no "Lưu" that would throw the typed
// data away with a refusal, and a line saying why.
public sealed class RegisterEditorRightsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task AsAsync(string email)
    {
        _services = await _ctx.SignInAsync(app, email);
        _ctx.Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task A_viewer_opening_the_new_household_form_gets_no_save_button()
    {
        await AsAsync("xem@camtan.vn");
        var page = _ctx.Render<HouseholdPage>();
        page.WaitForAssertion(() => Assert.Contains("không thêm được hộ gia đình", page.Find("#household-read-only").TextContent));
        Assert.Empty(page.FindAll("#household-save"));
    }

    [Fact]
    public async Task A_village_scorer_opening_the_new_clan_form_gets_no_save_button()
    {
        await AsAsync("canbo@camtan.vn");
        var page = _ctx.Render<ClanPage>();
        page.WaitForAssertion(() => Assert.Contains("thêm được dòng họ", page.Find("#clan-read-only").TextContent));
        Assert.Empty(page.FindAll("#clan-save"));
    }

    [Fact]
    public async Task An_administrator_gets_the_save_button_on_both_new_forms()
    {
        await AsAsync("admin@camtan.vn");
        var household = _ctx.Render<HouseholdPage>();
        household.WaitForAssertion(() => Assert.Single(household.FindAll("#household-save")));
        var clan = _ctx.Render<ClanPage>();
        clan.WaitForAssertion(() => Assert.Single(clan.FindAll("#clan-save")));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
