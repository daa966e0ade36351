using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Villages;

// The merge dialog rendered with the app's real services, as the administrator: the counts are confirmed before
// anything moves, and a refusal is shown in Vietnamese.
public sealed class VillageMergeDialogTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "admin@camtan.vn");
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<DialogResult?> Result)> OpenAsync(VillageMergeForm form)
    {
        _ctx.Render<MudPopoverProvider>();
        var provider = _ctx.Render<MudDialogProvider>();
        var dialogs = _ctx.Services.GetRequiredService<IDialogService>();
        var villages = await _services.GetRequiredService<VillageService>().ListAsync();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<VillageMergeDialog>("Sáp nhập thôn", new DialogParameters<VillageMergeDialog>
        {
            { x => x.Form, form },
            { x => x.Villages, villages.Where(v => v.Active).ToList() },
        }));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("#merge-next")));
        return (provider, reference.Result);
    }

    [Fact]
    public async Task The_dialog_shows_what_moves_and_merges_only_after_confirmation()
    {
        var from = await AddVillageAsync("DG1", "Thôn Đồng Gạo");
        var into = await AddVillageAsync("DG2", "Thôn Đồng Giao");
        await app.AddHouseholdAsync("DG1", "Mạc Văn Đồng", ("Mạc Văn Đồng", Sex.Male, 1968, Relation.Head), ("Mạc Thị Gạo", Sex.Female, 1995, Relation.Child));
        var (provider, result) = await OpenAsync(new VillageMergeForm { MergedVillageId = from, IntoVillageId = into, On = new DateTime(2026, 10, 1) });

        await provider.Find("#merge-next").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.Contains(
            "Sáp nhập Thôn Đồng Gạo vào Thôn Đồng Giao từ ngày 01/10/2026: 1 hộ, 2 nhân khẩu", provider.Find("#merge-preview").TextContent));
        Assert.True(await ActiveAsync(from), "nothing moves before the confirmation");

        await provider.Find("#merge-confirm").ClickAsync(new());
        var closed = await result;
        Assert.False(closed!.Canceled);
        Assert.False(await ActiveAsync(from));
    }

    [Fact]
    public async Task A_refused_merge_says_why_in_Vietnamese_and_moves_nothing()
    {
        var from = await AddVillageAsync("DG3", "Thôn Đồng Cũ");
        var into = await AddVillageAsync("DG4", "Thôn Đồng Mới");
        var (provider, _) = await OpenAsync(new VillageMergeForm { MergedVillageId = from, IntoVillageId = into, On = new DateTime(2024, 5, 1) });

        await provider.Find("#merge-next").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.Equal(
            "Năm 2024 đã kết thúc, số liệu của năm đó không được thay đổi: ngày sáp nhập phải trong năm 2026.", provider.Find("#merge-error").TextContent.Trim()));
        Assert.Empty(provider.FindAll("#merge-confirm"));
        Assert.True(await ActiveAsync(from));
    }

    private async Task<int> AddVillageAsync(string code, string name)
    {
        await _services.GetRequiredService<VillageService>().SaveAsync(new VillageForm { Code = code, Name = name, SortOrder = 200, Before = true });
        return await app.VillageIdAsync(code);
    }

    private async Task<bool> ActiveAsync(int villageId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Villages.Where(v => v.Id == villageId).Select(v => v.Active).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
