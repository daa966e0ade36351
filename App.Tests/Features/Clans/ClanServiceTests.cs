using Bunit;
using FluentValidation;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Clans;

// Clans (dòng họ) as the register keeps them: households of several villages, searchable without diacritics, edited only
// with a commune-wide scope, guarded against concurrent edits. This class has its own database (no clan in it but its own).
public sealed class ClanServiceTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    private async Task<T> AsAsync<T>(string email, Func<ClanService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<ClanService>());
    }

    [Fact]
    public async Task A_clan_lists_its_households_villages_in_village_order_and_is_found_without_diacritics()
    {
        var far = await app.AddHouseholdAsync("T05", "Khổng Văn Xa");
        var near = await app.AddHouseholdAsync("T02", "Khổng Văn Gần");
        var id = await AsAsync("admin@camtan.vn", clans => clans.SaveAsync(new ClanForm
        {
            Name = "  Dòng họ Khổng  ", HeadName = "Khổng Văn Trưởng", Phone = "0912 345 678", HouseholdIds = [far, near, near],
        }));

        var row = Assert.Single(await AsAsync("xem@camtan.vn", clans => clans.ListAsync("dong ho khong")));
        Assert.Equal(id, row.Id);
        Assert.Equal("Dòng họ Khổng", row.Name);
        Assert.Equal(2, row.Households);
        Assert.Equal("Thôn Tân Thành, Thôn Tân Phong", row.Villages);
        Assert.Empty(await AsAsync("xem@camtan.vn", clans => clans.ListAsync("dong ho khong co")));
    }

    [Fact]
    public async Task An_incomplete_form_is_refused_in_Vietnamese_and_a_second_clan_of_the_same_name_too()
    {
        var empty = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("admin@camtan.vn", clans => clans.SaveAsync(new ClanForm { Phone = "12ab" })));
        Assert.Contains("Hãy nhập tên dòng họ.", empty.Message);
        Assert.Contains("Hãy nhập họ và tên trưởng họ.", empty.Message);
        Assert.Contains("Số điện thoại không hợp lệ (8–15 chữ số).", empty.Message);

        await AsAsync("admin@camtan.vn", clans => clans.SaveAsync(new ClanForm { Name = "Dòng họ Đặng Trùng", HeadName = "Đặng Văn Một" }));
        var twice = await Assert.ThrowsAsync<ValidationException>(() =>
            AsAsync("admin@camtan.vn", clans => clans.SaveAsync(new ClanForm { Name = "dòng họ đặng trùng", HeadName = "Đặng Văn Hai" })));
        Assert.Equal("Đã có dòng họ tên \"dòng họ đặng trùng\" trong xã.", twice.Message);
        Assert.Single(await AsAsync("admin@camtan.vn", clans => clans.ListAsync("dang trung")));
    }

    [Fact]
    public async Task A_village_scorer_reads_a_clan_but_may_not_change_it_and_a_unit_reporter_may_not_read_clans()
    {
        var household = await app.AddHouseholdAsync("T01", "Lưu Văn Đọc");
        var id = await AsAsync("admin@camtan.vn", clans => clans.SaveAsync(new ClanForm { Name = "Dòng họ Lưu", HeadName = "Lưu Văn Đọc", HouseholdIds = [household] }));

        await using (var scorer = await app.AsUserAsync("canbo@camtan.vn"))
        {
            var clans = scorer.ServiceProvider.GetRequiredService<ClanService>();
            var (form, members, canEdit) = await clans.GetAsync(id);
            Assert.False(canEdit);
            Assert.Equal("Lưu Văn Đọc", Assert.Single(members).HeadName);
            form.Note = "Sửa thử";
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => clans.SaveAsync(form));
            Assert.Equal("Dòng họ có thể gồm hộ ở nhiều thôn: chỉ người có phạm vi toàn xã được sửa.", refused.Message);
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("donvi@camtan.vn", clans => clans.ListAsync()));
    }

    [Fact]
    public async Task Two_people_editing_the_same_clan_the_second_save_is_refused_and_keeps_the_first()
    {
        var a = await app.AddHouseholdAsync("T03", "Tạ Văn Một");
        var b = await app.AddHouseholdAsync("T04", "Tạ Văn Hai");
        var id = await AsAsync("admin@camtan.vn", clans => clans.SaveAsync(new ClanForm { Name = "Dòng họ Tạ", HeadName = "Tạ Văn Một", HouseholdIds = [a, b] }));
        var first = (await AsAsync("admin@camtan.vn", clans => clans.GetAsync(id))).Form;
        var second = (await AsAsync("admin@camtan.vn", clans => clans.GetAsync(id))).Form;

        first.HouseholdIds = [a];
        await AsAsync("admin@camtan.vn", clans => clans.SaveAsync(first));
        second.Phone = "0987654321";
        var stale = await Assert.ThrowsAsync<StaleEditException>(() => AsAsync("admin@camtan.vn", clans => clans.SaveAsync(second)));

        Assert.StartsWith("Dòng họ này vừa được người khác sửa", stale.Message);
        var (saved, members, _) = await AsAsync("admin@camtan.vn", clans => clans.GetAsync(id));
        Assert.Equal("", saved.Phone);
        Assert.Equal([a], members.Select(m => m.HouseholdId));
    }

    [Fact]
    public async Task The_clans_page_lists_each_clan_with_its_head_and_villages_and_offers_adding_to_an_administrator()
    {
        var household = await app.AddHouseholdAsync("T06", "Mẫn Văn Trang");
        await AsAsync("admin@camtan.vn", clans => clans.SaveAsync(new ClanForm { Name = "Dòng họ Mẫn", HeadName = "Mẫn Văn Trang", Phone = "0911222333", HouseholdIds = [household] }));
        await _ctx.SignInAsync(app, "admin@camtan.vn");
        _ctx.RenderPopovers();

        var page = _ctx.Render<ClansPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("tbody tr"), r => r.TextContent.Contains("Dòng họ Mẫn")));
        var row = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Dòng họ Mẫn"));
        Assert.Contains("Mẫn Văn Trang", row.TextContent);
        Assert.Contains("0911222333", row.TextContent);
        Assert.Contains("Thôn Tân Bình", row.TextContent);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/dong-ho/moi");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
