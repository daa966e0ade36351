using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Units;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Units;

// A unit's village, as an administrator picks it: a village merged into another takes no new unit, as it takes no
// new household. Each test makes its own villages and codes, so the tests do not see each other's merges.
public sealed class UnitVillageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _next;

    [Fact]
    public async Task A_new_unit_in_a_merged_village_is_refused_with_a_Vietnamese_reason_and_the_picker_marks_the_village()
    {
        var (merged, into, n) = await MergedVillageAsync();
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var units = admin.ServiceProvider.GetRequiredService<UnitService>();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            units.SaveAsync(new UnitForm { Code = $"DV-SN{n}", Name = "Chi hội Phụ nữ", VillageId = merged.Id }));

        Assert.Equal($"{merged.Name} đã sáp nhập vào thôn khác: hãy chọn thôn đang hoạt động.", refused.Message);
        await using (var db = await DbAsync())
        {
            Assert.False(await db.Units.AnyAsync(u => u.Code == $"DV-SN{n}"));
        }
        var choices = await admin.ServiceProvider.GetRequiredService<VillageService>().ChoicesAsync();
        Assert.Contains((merged.Id, $"{merged.Name} (đã sáp nhập)"), choices);
        Assert.Contains((into.Id, into.Name), choices);
        // The receiving village, still active, takes the unit.
        var id = await units.SaveAsync(new UnitForm { Code = $"DV-SN{n}", Name = "Chi hội Phụ nữ", VillageId = into.Id });
        Assert.Equal(into.Id, (await units.GetAsync(id)).VillageId);
    }

    [Fact]
    public async Task An_existing_unit_cannot_be_moved_into_a_merged_village()
    {
        var (merged, into, n) = await MergedVillageAsync();
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var units = admin.ServiceProvider.GetRequiredService<UnitService>();
        var id = await units.SaveAsync(new UnitForm { Code = $"DV-CU{n}", Name = "Trường Mầm non", VillageId = into.Id });
        var form = await units.GetAsync(id);
        form.VillageId = merged.Id;

        var refused = await Assert.ThrowsAsync<ValidationException>(() => units.SaveAsync(form));

        Assert.Equal($"{merged.Name} đã sáp nhập vào thôn khác: hãy chọn thôn đang hoạt động.", refused.Message);
        Assert.Equal(into.Id, (await units.GetAsync(id)).VillageId);
    }

    // Two new villages, the first merged into the second on 01/09/2026 (the app's clock is in 2026).
    private async Task<(Village Merged, Village Into, int N)> MergedVillageAsync()
    {
        var n = Interlocked.Add(ref _next, 2);
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var villages = admin.ServiceProvider.GetRequiredService<VillageService>();
            await villages.SaveAsync(new VillageForm { Code = $"DVS{n - 1}", Name = $"Thôn Cũ {n - 1}", SortOrder = 200 + n, Before = true });
            await villages.SaveAsync(new VillageForm { Code = $"DVS{n}", Name = $"Thôn Mới {n}", SortOrder = 201 + n, Before = true });
            await using var db = await DbAsync();
            var merged = await db.Villages.SingleAsync(v => v.Code == $"DVS{n - 1}");
            var into = await db.Villages.SingleAsync(v => v.Code == $"DVS{n}");
            await admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = merged.Id, IntoVillageId = into.Id, On = new DateTime(2026, 9, 1) });
        }
        await using var check = await DbAsync();
        return (await check.Villages.SingleAsync(v => v.Code == $"DVS{n - 1}"), await check.Villages.SingleAsync(v => v.Code == $"DVS{n}"), n);
    }

    private Task<AppDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
