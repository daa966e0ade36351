using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Features.YearData.PastLists;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Villages;

// A village's founding date (Village.ActiveFrom) through the real service on the app's clock (14/10/2026): a village
// founded or split off in 2026 is in no figure of 2025 (dashboard, the commune's village rate, reports expected, a past
// year's list), and one there before the app counts in every year. Each test makes its own villages.
public sealed class VillageFoundingDateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTime FirstOfMarch2026 = new(2026, 3, 1);

    [Fact]
    public async Task A_village_founded_on_1_March_2026_counts_in_2026_and_in_no_figure_of_2025()
    {
        var communeId = await CommuneIdAsync();
        var before2025 = await VillageCountsAsync(communeId, 2025);
        var before2026 = await VillageCountsAsync(communeId, 2026);

        var village = await SaveVillageAsync(new VillageForm { Code = "TL1", Name = "Thôn Tân Lập Mới", SortOrder = 300, Since = FirstOfMarch2026 });

        await using (var db = await DbAsync())
        {
            Assert.Equal(new DateOnly(2026, 3, 1), await db.Villages.Where(v => v.Id == village).Select(v => v.ActiveFrom).SingleAsync());
        }
        var after2025 = await VillageCountsAsync(communeId, 2025);
        var after2026 = await VillageCountsAsync(communeId, 2026);
        // The dashboard's village table and CĐHT thôn total, the commune sheet's "tỷ lệ thôn đạt CĐHT", the reports expected.
        Assert.DoesNotContain(village, after2025.TableRows);
        Assert.Equal((before2025.Total, before2025.RateOutOf, before2025.Expected), (after2025.Total, after2025.RateOutOf, after2025.Expected));
        Assert.Contains(village, after2026.TableRows);
        Assert.Equal((before2026.Total + 1, before2026.RateOutOf + 1, before2026.Expected + 1), (after2026.Total, after2026.RateOutOf, after2026.Expected));
    }

    [Fact]
    public async Task A_village_typed_in_as_there_before_the_app_counts_in_earlier_years()
    {
        var communeId = await CommuneIdAsync();
        var before2019 = await VillageCountsAsync(communeId, 2019);

        var village = await SaveVillageAsync(new VillageForm { Code = "TL2", Name = "Thôn Tân Cũ", SortOrder = 301, Before = true, Since = FirstOfMarch2026 });

        var after2019 = await VillageCountsAsync(communeId, 2019);
        Assert.Contains(village, after2019.TableRows);
        Assert.Equal(before2019.Total + 1, after2019.Total);
        await using var db = await DbAsync();
        Assert.Null(await db.Villages.Where(v => v.Id == village).Select(v => v.ActiveFrom).SingleAsync());
    }

    [Fact]
    public async Task A_past_year_list_naming_a_village_founded_after_that_year_is_refused_until_its_date_is_corrected()
    {
        var village = await SaveVillageAsync(new VillageForm { Code = "TL3", Name = "Thôn Tân Tách", SortOrder = 302, Since = FirstOfMarch2026 });
        var form = new PastListForm { Year = 2025, Title = Title.VillageCommunity, DecisionNumber = "71/QĐ-UBND", DecisionDate = new DateTime(2025, 12, 20) };

        var refused = await PreviewAsync(form, "TL3");

        Assert.Equal("Dòng 2: thôn Thôn Tân Tách không có trong sổ năm 2025 (vào sổ sau 31/12/2025 hoặc đã ra khỏi sổ trước đó). " +
            "Nếu thôn đã có từ trước, hãy sửa ngày thành lập của thôn (trang Thôn, tổ dân phố) rồi tải tệp lên lại.", Assert.Single(refused.Errors));
        Assert.Empty(refused.New);

        // Founded in 2025 after all: the same file goes through.
        await SaveVillageAsync(await FormAsync(village, f => f.Since = new DateTime(2025, 5, 1)));
        var accepted = await PreviewAsync(form, "TL3");
        Assert.Empty(accepted.Errors);
        Assert.Equal(village, Assert.Single(accepted.New).SubjectId);
    }

    [Fact]
    public async Task A_date_after_today_or_after_the_merge_is_refused_in_Vietnamese_and_nothing_changes()
    {
        var village = await SaveVillageAsync(new VillageForm { Code = "TL4", Name = "Thôn Tân Sau", SortOrder = 303, Since = FirstOfMarch2026 });
        var into = await SaveVillageAsync(new VillageForm { Code = "TL5", Name = "Thôn Tân Nhận", SortOrder = 304, Before = true });

        var future = await Assert.ThrowsAsync<ValidationException>(() => SaveVillageAsync(new VillageForm { Code = "TL6", Name = "Thôn Tân Mai", Since = new DateTime(2026, 10, 15) }));
        Assert.Contains("Ngày thành lập thôn không được sau hôm nay (14/10/2026).", future.Message);
        // A merge dated before the village was founded is refused too.
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var early = await Assert.ThrowsAsync<ValidationException>(() => admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = village, IntoVillageId = into, On = new DateTime(2026, 2, 1) }));
            Assert.Equal("Thôn Tân Sau thành lập từ ngày 01/03/2026: ngày sáp nhập không được trước ngày đó.", early.Message);
            await admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = village, IntoVillageId = into, On = new DateTime(2026, 9, 1) });
        }
        var late = await FormAsync(village, f => f.Since = new DateTime(2026, 9, 2));
        var afterMerge = await Assert.ThrowsAsync<ValidationException>(() => SaveVillageAsync(late));
        Assert.Equal("Ngày thành lập thôn không được sau ngày thôn sáp nhập vào thôn khác (01/09/2026).", afterMerge.Message);

        await using var db = await DbAsync();
        Assert.False(await db.Villages.AnyAsync(v => v.Code == "TL6"));
        Assert.Equal(new DateOnly(2026, 3, 1), await db.Villages.Where(v => v.Id == village).Select(v => v.ActiveFrom).SingleAsync());
    }

    private sealed record Counts(IReadOnlyList<int> TableRows, int Total, int RateOutOf, int Expected);

    private async Task<Counts> VillageCountsAsync(int communeId, int year)
    {
        await using var db = await DbAsync();
        var figures = await DashboardQueries.YearAsync(db, communeId, year);
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Commune, communeId, year);
        var deadline = new Deadline { CommuneId = communeId, Name = "Báo cáo năm của các thôn", Audience = DeadlineAudience.Villages };
        return new Counts(figures.Villages.Select(v => v.VillageId).ToList(), figures.For(Title.VillageCommunity).Counts.Total,
            inputs[ComputedInputKeys.CommuneVillagesCommunityRate.Key].OutOf!.Value,
            await ReportObligations.CountExpectedAsync(db, deadline, year, default));
    }

    private async Task<PastListPreview> PreviewAsync(PastListForm form, string villageCode)
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var file = ResultsFiles.Write(PastListColumns.For(Title.VillageCommunity), [new Dictionary<string, object?> { ["Mã thôn"] = villageCode, ["Tên thôn"] = null }]);
        return await scope.ServiceProvider.GetRequiredService<PastListService>().PreviewAsync(form, file, "danh-sach.xlsx");
    }

    private async Task<int> SaveVillageAsync(VillageForm form)
    {
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageService>().SaveAsync(form);
        }
        return await app.VillageIdAsync(form.Code);
    }

    // The form the village page opens for a village, changed as a person would.
    private async Task<VillageForm> FormAsync(int id, Action<VillageForm> change)
    {
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var row = (await admin.ServiceProvider.GetRequiredService<VillageService>().ListAsync()).Single(r => r.Id == id);
        var form = VillageForm.Of(row);
        change(form);
        return form;
    }

    private async Task<int> CommuneIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Communes.Select(c => c.Id).FirstAsync();
    }

    private Task<AppDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
