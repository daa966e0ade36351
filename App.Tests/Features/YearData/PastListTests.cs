using Bunit;
using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.YearData.PastLists;
using HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.YearData;

// The recognised households of a past year imported from the list of its decision: counted in that year's figures,
// idempotent, all or nothing, for the administrator and the committee only.
public sealed class PastListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static PastListForm Form(int year, string number = "15/QĐ-UBND") =>
        new() { Year = year, Title = Title.FamilyLearning, DecisionNumber = number, DecisionDate = new DateTime(year, 12, 15) };

    private async Task<(string VillageName, List<Household> Households)> HouseholdsAsync(params string[] heads)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var village = await db.Villages.SingleAsync(v => v.Code == "T02");
        var households = heads.Select(head => new Household
        {
            CommuneId = village.CommuneId, VillageId = village.Id, Code = ("DS-" + Guid.NewGuid().ToString("N"))[..14],
            HeadName = head, HeadNameSearch = VietnameseText.SearchKey(head),
        }).ToList();
        db.AddRange(households);
        await db.SaveChangesAsync();
        return (village.Name, households);
    }

    private static MemoryStream File(params (string Code, string Head, string Village)[] rows) =>
        ResultsFiles.Write(PastListColumns.For(Title.FamilyLearning), rows.Select(r => new Dictionary<string, object?> { ["Mã hộ"] = r.Code, ["Chủ hộ"] = r.Head, ["Thôn"] = r.Village }));

    private async Task<(PastListPreview Preview, int Written)> ImportAsync(PastListForm form, MemoryStream file, string email = "bcd@camtan.vn")
    {
        await using var scope = await app.AsUserAsync(email);
        var service = scope.ServiceProvider.GetRequiredService<PastListService>();
        file.Position = 0;
        var preview = await service.PreviewAsync(form, file, "danh-sach-2022.xlsx");
        return (preview, preview.CanWrite ? await service.WriteAsync(preview) : -1);
    }

    private async Task<int> RecognisedAsync(int year)
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(year);
        return dashboard.Figures.For(Title.FamilyLearning).Counts.Recognised;
    }

    [Fact]
    public async Task Three_households_imported_for_2022_count_as_recognised_and_importing_again_changes_nothing()
    {
        var (village, hs) = await HouseholdsAsync("Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba");
        var before = await RecognisedAsync(2022);
        var file = File((hs[0].Code, "", ""), ("", "Trần Thị Hai", village), ("", "lê văn ba", village.ToUpperInvariant()));

        var (preview, written) = await ImportAsync(Form(2022), file);
        Assert.Empty(preview.Errors);
        Assert.Equal(3, written);
        Assert.Equal(before + 3, await RecognisedAsync(2022));

        var (again, writtenAgain) = await ImportAsync(Form(2022), file);
        Assert.Equal((0, 3), (again.New.Count, again.Unchanged));
        Assert.Equal(0, writtenAgain);
        Assert.Equal(before + 3, await RecognisedAsync(2022));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var decision = await db.Set<Decision>().Include(d => d.Subjects).SingleAsync(d => d.IssuedYear == 2022 && d.Number == 15);
        Assert.Equal((2022, "QĐ-UBND", new DateOnly(2022, 12, 15), 3), (decision.Year, decision.Symbol, decision.IssuedOn, decision.Subjects.Count));
        Assert.StartsWith(PastListService.ImportedMarker, decision.Bases);
        var ids = hs.Select(h => h.Id).ToList();
        var statuses = await db.Set<Registration>().Where(r => r.Year == 2022 && ids.Contains(r.SubjectId) && r.SubjectKind == SubjectKind.Household)
            .Select(r => r.Evaluation!.Status).ToListAsync();
        Assert.Equal(3, statuses.Count(s => s == EvaluationStatus.Recognised));
        Assert.Equal(3, await db.Set<EvaluationAudit>().CountAsync(a => a.Reason.Contains("nhập từ danh sách") && a.Reason.Contains("15/QĐ-UBND")));
        Assert.Single(await db.ChangeLogs.Where(l => l.Action == "Nhập danh sách" && l.Changes.Contains("năm 2022")).ToListAsync());
    }

    [Fact]
    public async Task A_household_typed_in_today_is_not_in_a_past_years_list_until_its_date_says_it_was_there()
    {
        int id;
        var t02 = await T02Async();
        await using (var scorer = await app.AsUserAsync("admin@camtan.vn"))
        {
            var households = scorer.ServiceProvider.GetRequiredService<HouseholdService>();
            id = await households.SaveAsync(new HouseholdForm { VillageId = t02, HeadName = "Kiều Văn Mới", Code = ("DS-" + Guid.NewGuid().ToString("N"))[..14] });
        }
        var code = await CodeAsync(id);
        var before = await RecognisedAsync(2019);

        // Typed in on 14/10/2026 (the form's default date): not in 2019's register, so its 2019 recognition is refused.
        var (preview, written) = await ImportAsync(Form(2019), File((code, "", "")));
        Assert.Equal(-1, written);
        Assert.Equal($"Dòng 2: hộ Kiều Văn Mới ({code}) không có trong sổ năm 2019 (vào sổ sau 31/12/2019 hoặc đã ra khỏi sổ trước đó). "
            + "Nếu hộ đã có từ trước, hãy sửa ngày vào sổ trên trang của hộ rồi tải tệp lên lại.", Assert.Single(preview.Errors));

        // The household was there before the register began: ticked on its form, the same file imports and counts.
        await using (var scorer = await app.AsUserAsync("admin@camtan.vn"))
        {
            var households = scorer.ServiceProvider.GetRequiredService<HouseholdService>();
            var form = (await households.GetAsync(id)).Form;
            Assert.Equal((false, new DateTime(2026, 10, 14)), (form.Before, form.Since));
            form.Before = true;
            await households.SaveAsync(form);
        }
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Null(await db.Households.Where(h => h.Id == id).Select(h => h.ActiveFrom).SingleAsync());
            Assert.Equal([(DateOnly?)null], await db.People.Where(p => p.HouseholdId == id).Select(p => p.ActiveFrom).ToListAsync());
        }
        var (again, writtenAgain) = await ImportAsync(Form(2019), File((code, "", "")));
        Assert.Empty(again.Errors);
        Assert.Equal(1, writtenAgain);
        Assert.Equal(before + 1, await RecognisedAsync(2019));
    }

    [Fact]
    public async Task A_household_date_after_today_is_refused_in_Vietnamese()
    {
        await using var scorer = await app.AsUserAsync("admin@camtan.vn");
        var households = scorer.ServiceProvider.GetRequiredService<HouseholdService>();
        var t02 = await T02Async();
        var error = await Assert.ThrowsAsync<ValidationException>(() => households.SaveAsync(
            new HouseholdForm { VillageId = t02, HeadName = "Kiều Văn Sau", Since = new DateTime(2026, 10, 15) }));
        Assert.Contains("Ngày vào sổ không được sau hôm nay (14/10/2026).", error.Message);
    }

    private async Task<int> T02Async()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Villages.Where(v => v.Code == "T02").Select(v => v.Id).SingleAsync();
    }

    private async Task<string> CodeAsync(int householdId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Households.Where(h => h.Id == householdId).Select(h => h.Code).SingleAsync();
    }

    [Fact]
    public async Task A_bad_row_writes_nothing_and_the_message_names_the_row()
    {
        var (village, hs) = await HouseholdsAsync("Phạm Văn Bốn", "Vũ Thị Năm");
        var before = await RecognisedAsync(2021);
        var (preview, written) = await ImportAsync(Form(2021), File((hs[0].Code, "", ""), ("", "Không Có Thật", village), (hs[0].Code, "", ""), (hs[1].Code, "", "")));

        Assert.Equal(-1, written);
        Assert.Contains($"Dòng 3: không tìm thấy hộ Không Có Thật ở thôn {village}.", preview.Errors);
        Assert.Contains($"Dòng 4: hộ Phạm Văn Bốn ({hs[0].Code}) trùng với dòng 2.", preview.Errors);
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<PastListService>().WriteAsync(preview));
        Assert.Equal(before, await RecognisedAsync(2021));
    }

    [Fact]
    public async Task A_household_already_recognised_that_year_by_another_decision_is_an_error()
    {
        var (_, hs) = await HouseholdsAsync("Đỗ Văn Sáu");
        var (_, first) = await ImportAsync(Form(2020, "7"), File((hs[0].Code, "", "")));
        Assert.Equal(1, first);
        var (preview, written) = await ImportAsync(Form(2020, "8/QĐ-UBND"), File((hs[0].Code, "", "")));
        Assert.Equal(-1, written);
        Assert.Equal($"Dòng 2: hộ Đỗ Văn Sáu ({hs[0].Code}) đã được công nhận năm 2020 (theo quyết định khác).", Assert.Single(preview.Errors));
    }

    [Fact]
    public async Task A_year_with_entered_figures_is_warned_that_its_records_will_replace_them()
    {
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            await scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.YearData.PastYearFigureService>().SaveAsync(new HocTapSuotDoi.Features.YearData.PastFigureForm
            {
                Year = 2018, Title = Title.FamilyLearning, Total = 1_900, Recognised = 800, Source = "Báo cáo tổng kết năm 2018",
            });
        }
        var (_, hs) = await HouseholdsAsync("Hoàng Văn Tám");
        await using var user = await app.AsUserAsync("bcd@camtan.vn");
        var preview = await user.ServiceProvider.GetRequiredService<PastListService>().PreviewAsync(Form(2018), File((hs[0].Code, "", "")), "ds-2018.xlsx");
        Assert.StartsWith("Năm 2018 đang có số liệu nhập từ báo cáo.", preview.Notice);
        Assert.True(preview.CanWrite);
    }

    [Fact]
    public async Task A_scorer_is_refused()
    {
        var (_, hs) = await HouseholdsAsync("Bùi Văn Bảy");
        await Assert.ThrowsAsync<ForbiddenException>(() => ImportAsync(Form(2019), File((hs[0].Code, "", "")), "canbo@camtan.vn"));
    }

    [Fact]
    public void The_preview_lists_errors_without_a_write_button_and_a_clean_file_can_be_written()
    {
        using var ctx = new PageTestContext();
        PastListPreview Preview() => new() { Year = 2022, Title = Title.FamilyLearning, Number = 15, Symbol = "QĐ-UBND", IssuedOn = new DateOnly(2022, 12, 15), FileName = "ds.xlsx" };

        var bad = Preview();
        bad.Errors.Add("Dòng 7: không tìm thấy hộ Lê Văn Thử ở thôn Tân Hòa.");
        var view = ctx.Render<PastListPreviewView>(p => p.Add(x => x.Preview, bad).Add(x => x.OnWrite, EventCallback.Factory.Create(this, () => Assert.Fail("Không được ghi"))));
        Assert.Contains("Tệp có 1 lỗi: chưa ghi gì.", view.Find("#list-errors-title").TextContent);
        Assert.Contains("Dòng 7: không tìm thấy hộ Lê Văn Thử ở thôn Tân Hòa.", view.Find("#list-errors").TextContent);
        Assert.Empty(view.FindAll("#list-write"));

        var good = Preview();
        good.New.Add(new PastListSubject(2, 1, 1, "Hộ Lê Văn Thử (T03-0012)", "Tân Hòa"));
        good.Unchanged = 1_200;
        var clicked = false;
        view = ctx.Render<PastListPreviewView>(p => p.Add(x => x.Preview, good).Add(x => x.OnWrite, EventCallback.Factory.Create(this, () => clicked = true)));
        Assert.Contains("1 hộ sẽ được ghi là công nhận (nhập từ danh sách); 1.200 hộ đã có trong quyết định", view.Find("#list-summary").TextContent);
        Assert.Contains("quyết định số 15/QĐ-UBND ngày 15/12/2022", view.Markup);
        view.Find("#list-write").Click();
        Assert.True(clicked);
    }
}
