using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Villages;

// The village dialog rendered with the app's real services, as the administrator (the app's clock: 14/10/2026): a
// new village has a founding date unless "Thôn đã có từ trước khi lập sổ" is ticked, and a date after today is refused
// on the form before anything is saved.
public sealed class VillageEditDialogTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    public async Task InitializeAsync() => await _ctx.SignInAsync(app, "admin@camtan.vn");

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<DialogResult?> Result)> OpenAsync(VillageForm form)
    {
        var provider = _ctx.RenderDialogs();
        var dialogs = _ctx.Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<VillageEditDialog>("Thêm thôn",
            new DialogParameters<VillageEditDialog> { { x => x.Form, form } }));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("#village-save")));
        return (provider, reference.Result);
    }

    [Fact]
    public async Task A_new_village_dated_after_today_is_refused_on_the_form_and_a_founding_date_is_saved()
    {
        var (provider, result) = await OpenAsync(new VillageForm { Code = "TD1", Name = "Thôn Tân Định", SortOrder = 500 });
        Assert.False(provider.Find("#village-before input[type=checkbox], input#village-before").HasAttribute("checked"));

        await provider.ChangeOnRendererAsync("#village-since", "15/10/2026");
        await provider.ClickOnRendererAsync("#village-save");
        provider.WaitForAssertion(() => Assert.Contains("Ngày thành lập thôn không được sau hôm nay (14/10/2026).", provider.Markup));
        Assert.Null(await ActiveFromAsync("TD1"));

        await provider.ChangeOnRendererAsync("#village-since", "01/03/2026");
        await provider.ClickOnRendererAsync("#village-save");
        Assert.False((await result)!.Canceled);
        Assert.Equal(new DateOnly(2026, 3, 1), await ActiveFromAsync("TD1"));
    }

    [Fact]
    public async Task Ticking_there_before_the_register_hides_the_date_and_saves_the_village_without_one()
    {
        var (provider, result) = await OpenAsync(new VillageForm { Code = "TD2", Name = "Thôn Tân Xưa", SortOrder = 501 });

        await provider.ChangeOnRendererAsync("#village-before input[type=checkbox], input#village-before", true);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("#village-since")));
        await provider.ClickOnRendererAsync("#village-save");

        Assert.False((await result)!.Canceled);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal([(DateOnly?)null], await db.Villages.Where(v => v.Code == "TD2").Select(v => v.ActiveFrom).ToListAsync());
    }

    private async Task<DateOnly?> ActiveFromAsync(string code)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Villages.Where(v => v.Code == code).Select(v => v.ActiveFrom).SingleOrDefaultAsync();
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
