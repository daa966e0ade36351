using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Villages;

// A village founded on 01/03/2026 holds no household in 2025: otherwise that household would count in the commune's
// 2025 figures and in no village row. A household typed in as older than the village, a founding date later than the
// households already there, and an import into the village (its rows count as older than the register) are refused in
// Vietnamese; a household moved in from its old village keeps its earlier years there and is welcome.
public sealed class VillageFoundingHouseholdsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_household_older_than_its_village_is_refused_and_one_moved_in_from_the_old_village_is_not()
    {
        var village = await SaveVillageAsync(new VillageForm { Code = "TH1", Name = "Thôn Tân Hợp", SortOrder = 310, Since = new DateTime(2026, 3, 1) });
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var households = admin.ServiceProvider.GetRequiredService<HouseholdService>();

        var before = await CountAsync(village);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => households.SaveAsync(new HouseholdForm
        {
            VillageId = village, HeadName = "Tạ Văn Sớm", Address = "Xóm 1", Before = true,
        }));
        Assert.Equal("Thôn Tân Hợp thành lập từ 01/03/2026: hộ chỉ có trong sổ của thôn từ năm 2026. Hãy ghi ngày vào sổ từ 01/01/2026 trở đi, " +
            "hoặc thêm hộ vào thôn cũ rồi chuyển sang Thôn Tân Hợp.", refused.Message);
        Assert.Equal(before, await CountAsync(village));

        // Dated this year: welcome.
        await households.SaveAsync(new HouseholdForm { VillageId = village, HeadName = "Tạ Văn Mới", Address = "Xóm 1", Since = new DateTime(2026, 3, 5) });
        // There before the app in T03, then moved to the new village today: 2025 keeps it in T03.
        var old = await app.AddHouseholdAsync("T03", "Tạ Văn Chuyển");
        var form = (await households.GetAsync(old)).Form;
        form.Before = true;
        await households.SaveAsync(form);
        form = (await households.GetAsync(old)).Form;
        form.VillageId = village;
        await households.SaveAsync(form);
        Assert.Equal(before + 2, await CountAsync(village));
    }

    [Fact]
    public async Task A_founding_date_later_than_the_households_already_in_the_village_is_refused()
    {
        var village = await SaveVillageAsync(new VillageForm { Code = "TH2", Name = "Thôn Tân Định", SortOrder = 311, Before = true });
        var household = await app.AddHouseholdAsync("TH2", "Quách Văn Gốc");
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var households = admin.ServiceProvider.GetRequiredService<HouseholdService>();
        var form = (await households.GetAsync(household)).Form;
        form.Before = true;
        await households.SaveAsync(form);
        string code;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            code = await db.Households.Where(h => h.Id == household).Select(h => h.Code).SingleAsync();
        }

        var villages = admin.ServiceProvider.GetRequiredService<VillageService>();
        var edit = VillageForm.Of((await villages.ListAsync()).Single(r => r.Id == village));
        edit.Before = false;
        edit.Since = new DateTime(2026, 3, 1);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => villages.SaveAsync(edit));

        Assert.Equal($"Thôn Tân Định có 1 hộ có trong sổ của thôn từ trước năm 2026 (ví dụ: hộ Quách Văn Gốc ({code})), nên ngày thành lập " +
            "không thể là 01/03/2026. Hãy sửa ngày vào sổ của các hộ đó, hoặc đánh dấu thôn đã có từ trước khi lập sổ.", refused.Message);
        Assert.Null((await villages.ListAsync()).Single(r => r.Id == village).ActiveFrom);
    }

    [Fact]
    public async Task An_import_into_a_village_founded_in_the_app_is_refused_row_by_row()
    {
        await SaveVillageAsync(new VillageForm { Code = "TH3", Name = "Thôn Tân Nhập", SortOrder = 312, Since = new DateTime(2026, 3, 1) });
        var (scope, import) = await app.ServiceAsync<RegisterImportService>("admin@camtan.vn");
        await using (scope)
        {
            var preview = await import.PreviewHouseholdsAsync(ExcelTestFiles.Households([new Line(ExcelTestFiles.Code(), "TH3", "Hà Văn Nhập")]));
            Assert.False(preview.CanCommit);
            Assert.Contains(preview.Errors, e => e.ToString().Contains("Thôn Tân Nhập thành lập từ 01/03/2026, còn hộ nhập từ tệp được tính là đã có từ trước khi lập sổ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_village_founded_in_2026_and_its_households_are_no_candidates_for_2025s_titles()
    {
        var village = await SaveVillageAsync(new VillageForm { Code = "TH4", Name = "Thôn Tân Đăng", SortOrder = 313, Since = new DateTime(2026, 3, 1) });
        var household = await app.AddHouseholdAsync("TH4", "Đào Văn Đăng");
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var registrations = admin.ServiceProvider.GetRequiredService<RegistrationService>();

        async Task<List<int>> CandidatesAsync(Title title, int year) =>
            [.. (await registrations.CandidatesAsync(new CandidateFilter(title, year, VillageId: village), new PageRequest(0, 50))).Items.Select(c => c.SubjectId)];

        Assert.Empty(await CandidatesAsync(Title.VillageCommunity, 2025));
        Assert.Empty(await CandidatesAsync(Title.FamilyLearning, 2025));
        Assert.Equal([village], await CandidatesAsync(Title.VillageCommunity, 2026));
        Assert.Equal([household], await CandidatesAsync(Title.FamilyLearning, 2026));
    }

    private async Task<int> CountAsync(int village)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Households.CountAsync(h => h.VillageId == village);
    }

    private async Task<int> SaveVillageAsync(VillageForm form)
    {
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageService>().SaveAsync(form);
        }
        return await app.VillageIdAsync(form.Code);
    }
}
