using System.Net;
using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Features.YearData.PastLists;
using HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.YearData;

// The lists of a past year for the titles other than Gia đình học tập: each subject found by its code or by its name
// (and village, and birth year for people), counted in that year's figures, all or nothing with row messages.
// Years 2016, 2017 and 2023 are used here (PastListTests uses 2018–2022; the demo scores 2024–2026).
public sealed class PastListTitlesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static PastListForm Form(Title title, int year, int number) =>
        new() { Year = year, Title = title, DecisionNumber = $"{number}/QĐ-UBND", DecisionDate = new DateTime(year, 12, 20) };

    private static MemoryStream File(Title title, params string[][] rows)
    {
        var headers = PastListColumns.For(title);
        return ResultsFiles.Write(headers, rows.Select(r => headers.Select((h, i) => (h, (object?)(i < r.Length ? r[i] : null))).ToDictionary(x => x.h, x => x.Item2)));
    }

    private async Task<(PastListPreview Preview, int Written)> ImportAsync(PastListForm form, MemoryStream file)
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var service = scope.ServiceProvider.GetRequiredService<PastListService>();
        var preview = await service.PreviewAsync(form, file, "danh-sach.xlsx");
        return (preview, preview.CanWrite ? await service.WriteAsync(preview) : -1);
    }

    private async Task<int> RecognisedAsync(Title title, int year)
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        return (await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(year)).Figures.For(title).Counts.Recognised;
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    private Task<Village> VillageAsync(string code) => WithDbAsync(db => db.Villages.AsNoTracking().SingleAsync(v => v.Code == code));

    private Task<Household> HouseholdAsync(Village village, string head, params (string Name, int BirthYear, string? NationalId)[] people) => WithDbAsync(async db =>
    {
        var household = new Household
        {
            CommuneId = village.CommuneId, VillageId = village.Id, Code = ("DT-" + Guid.NewGuid().ToString("N"))[..14],
            HeadName = head, HeadNameSearch = VietnameseText.SearchKey(head),
            Members = people.Select((p, i) => new Person
            {
                FullName = p.Name, FullNameSearch = VietnameseText.SearchKey(p.Name), BirthYear = p.BirthYear, NationalId = p.NationalId, SortOrder = i + 1,
            }).ToList(),
        };
        db.Add(household);
        await db.SaveChangesAsync();
        return household;
    });

    [Fact]
    public async Task Clans_found_by_code_or_by_name_count_as_recognised_and_same_names_are_told_apart_by_village()
    {
        var (t01, t02) = (await VillageAsync("T01"), await VillageAsync("T02"));
        var (h1, h2) = (await HouseholdAsync(t01, "Lưu Văn Một"), await HouseholdAsync(t02, "Lựu Văn Hai"));
        var clans = await WithDbAsync(async db =>
        {
            var list = new[] { ("Họ Lưu Cẩm", h1.Id), ("Họ Lựu Cẩm", h2.Id), ("Họ Đinh Cẩm", h1.Id) }
                .Select(c => new Clan { CommuneId = t01.CommuneId, Name = c.Item1, NameSearch = VietnameseText.SearchKey(c.Item1), Members = [new ClanMember { HouseholdId = c.Item2 }] }).ToList();
            db.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });
        var before = await RecognisedAsync(Title.ClanLearning, 2016);

        var (ambiguous, none) = await ImportAsync(Form(Title.ClanLearning, 2016, 31), File(Title.ClanLearning, ["", "Họ Luu Cam"]));
        Assert.Equal(-1, none);
        Assert.Equal("Dòng 2: có nhiều dòng họ tên Họ Luu Cam: hãy ghi mã dòng họ hoặc thôn.", Assert.Single(ambiguous.Errors));

        var (preview, written) = await ImportAsync(Form(Title.ClanLearning, 2016, 31),
            File(Title.ClanLearning, ["", "Họ Luu Cam", t02.Name], [ResultsSubjects.ClanCode(clans[0].Id)], ["", "họ đinh cẩm"]));
        Assert.Empty(preview.Errors);
        Assert.Equal(3, written);
        Assert.Equal(["Họ Lựu Cẩm", "Họ Lưu Cẩm", "Họ Đinh Cẩm"], preview.New.Select(s => s.Name));
        Assert.Equal(before + 3, await RecognisedAsync(Title.ClanLearning, 2016));
    }

    [Fact]
    public async Task Villages_by_code_or_name_and_the_commune_are_recorded_in_their_decisions()
    {
        var before = await RecognisedAsync(Title.VillageCommunity, 2016);
        var t02 = await VillageAsync("T02");
        var (preview, written) = await ImportAsync(Form(Title.VillageCommunity, 2016, 32), File(Title.VillageCommunity, ["t01"], ["", t02.Name.ToUpperInvariant()]));
        Assert.Empty(preview.Errors);
        Assert.Equal(2, written);
        Assert.Equal(before + 2, await RecognisedAsync(Title.VillageCommunity, 2016));

        var commune = await WithDbAsync(db => db.Communes.AsNoTracking().SingleAsync(c => c.Id == t02.CommuneId));
        var (bad, _) = await ImportAsync(Form(Title.CommuneCommunity, 2016, 33), File(Title.CommuneCommunity, ["XYZ"]));
        Assert.Equal($"Dòng 2: chỉ nhập được danh sách của xã {commune.Name} (mã {commune.Code}).", Assert.Single(bad.Errors));
        var (_, communeWritten) = await ImportAsync(Form(Title.CommuneCommunity, 2016, 33), File(Title.CommuneCommunity, ["", commune.Name]));
        Assert.Equal(1, communeWritten);
        var status = await WithDbAsync(db => db.Set<Registration>().Where(r => r.Year == 2016 && r.Title == Title.CommuneCommunity && r.SubjectKind == SubjectKind.Commune)
            .Select(r => new { r.SubjectName, r.Evaluation!.Status }).SingleAsync());
        Assert.Equal(($"Xã {commune.Name}", EvaluationStatus.Recognised), (status.SubjectName, status.Status));
    }

    [Fact]
    public async Task Units_by_code_or_name_count_as_recognised_and_an_unknown_code_is_a_row_error()
    {
        var t01 = await VillageAsync("T01");
        await WithDbAsync(async db =>
        {
            db.Units.AddRange(
                new Unit { CommuneId = t01.CommuneId, Code = "DV-TH1", Name = "Trường Tiểu học Cẩm Tân 1", NameSearch = VietnameseText.SearchKey("Trường Tiểu học Cẩm Tân 1"), Kind = UnitKind.School },
                new Unit { CommuneId = t01.CommuneId, Code = "DV-HTX", Name = "Hợp tác xã Nông nghiệp Tân Hòa", NameSearch = VietnameseText.SearchKey("Hợp tác xã Nông nghiệp Tân Hòa"), Kind = UnitKind.Cooperative, VillageId = t01.Id });
            return await db.SaveChangesAsync();
        });
        var before = await RecognisedAsync(Title.UnitLearning, 2016);

        var (bad, none) = await ImportAsync(Form(Title.UnitLearning, 2016, 34), File(Title.UnitLearning, ["DV-TH1"], ["DV-KHONG"], ["", "Không Có Đơn Vị"]));
        Assert.Equal(-1, none);
        Assert.Equal(["Dòng 3: không tìm thấy đơn vị có mã DV-KHONG.", "Dòng 4: không tìm thấy đơn vị Không Có Đơn Vị."], bad.Errors);
        Assert.Equal(before, await RecognisedAsync(Title.UnitLearning, 2016));

        var (preview, written) = await ImportAsync(Form(Title.UnitLearning, 2016, 34), File(Title.UnitLearning, ["dv-th1"], ["", "hop tac xa nong nghiep tan hoa"]));
        Assert.Equal(2, written);
        Assert.Equal(t01.Name, preview.New.Single(s => s.Name.StartsWith("Hợp tác xã", StringComparison.Ordinal)).Village);
        Assert.Equal(before + 2, await RecognisedAsync(Title.UnitLearning, 2016));
    }

    [Fact]
    public async Task People_with_the_same_name_in_a_village_need_their_birth_year_and_nothing_is_written_until_told_apart()
    {
        var t02 = await VillageAsync("T02");
        await HouseholdAsync(t02, "Nguyễn Văn Hùng", ("Nguyễn Văn Hùng", 1970, null), ("Nguyễn Thị Hoa", 1972, "038172009911"));
        await HouseholdAsync(t02, "Nguyễn Văn Hùng", ("Nguyễn Văn Hùng", 1985, null));
        var before = await RecognisedAsync(Title.CitizenLearning, 2017);

        var (ambiguous, none) = await ImportAsync(Form(Title.CitizenLearning, 2017, 35),
            File(Title.CitizenLearning, ["", "Nguyễn Văn Hùng", "", t02.Name], ["038172009911"], ["", "Nguyễn Văn Hùng", "1990", t02.Name]));
        Assert.Equal(-1, none);
        Assert.Equal([$"Dòng 2: có nhiều người tên Nguyễn Văn Hùng ở thôn {t02.Name}: hãy ghi năm sinh hoặc số định danh.",
            $"Dòng 4: không tìm thấy Nguyễn Văn Hùng sinh năm 1990 ở thôn {t02.Name}."], ambiguous.Errors);
        Assert.Equal(before, await RecognisedAsync(Title.CitizenLearning, 2017));

        var (preview, written) = await ImportAsync(Form(Title.CitizenLearning, 2017, 35),
            File(Title.CitizenLearning, ["", "nguyen van hung", "1985", t02.Code], ["038172009911"]));
        Assert.Empty(preview.Errors);
        Assert.Equal(2, written);
        Assert.Equal(before + 2, await RecognisedAsync(Title.CitizenLearning, 2017));
        var (again, _) = await ImportAsync(Form(Title.CitizenLearning, 2017, 35), File(Title.CitizenLearning, ["038172009911"], ["038172009911"]));
        Assert.Equal("Dòng 3: Nguyễn Thị Hoa (sinh năm 1972, thôn " + t02.Name + ") trùng với dòng 2.", Assert.Single(again.Errors));
    }

    [Fact]
    public async Task A_village_recognised_by_another_decision_that_year_is_refused_and_the_audit_says_imported()
    {
        var (_, first) = await ImportAsync(Form(Title.VillageCommunity, 2023, 36), File(Title.VillageCommunity, ["T03"]));
        Assert.Equal(1, first);
        var t03 = await VillageAsync("T03");
        var (preview, written) = await ImportAsync(Form(Title.VillageCommunity, 2023, 37), File(Title.VillageCommunity, ["T03"]));
        Assert.Equal(-1, written);
        Assert.Equal($"Dòng 2: thôn {t03.Name} đã được công nhận năm 2023 (theo quyết định khác).", Assert.Single(preview.Errors));

        var (reason, log) = await WithDbAsync(async db => (
            await db.Set<EvaluationAudit>().Where(a => db.Set<Registration>().Any(r => r.Evaluation!.Id == a.EvaluationId && r.SubjectKind == SubjectKind.Village
                && r.SubjectId == t03.Id && r.Year == 2023)).Select(a => a.Reason).SingleAsync(),
            await db.ChangeLogs.Where(l => l.Action == "Nhập danh sách" && l.Changes.Contains("Cộng đồng học tập cấp thôn năm 2023")).Select(l => l.Changes).SingleAsync()));
        Assert.StartsWith("Công nhận (nhập từ danh sách) theo Quyết định số 36/QĐ-UBND ngày 20/12/2023", reason);
        Assert.Contains("1 thôn được công nhận", log);

        // The village's sheet of that year (its history) reads as imported, with the decision's number and date.
        var registrationId = await WithDbAsync(db => db.Set<Registration>().Where(r => r.SubjectKind == SubjectKind.Village && r.SubjectId == t03.Id && r.Year == 2023)
            .Select(r => r.Id).SingleAsync());
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var sheet = await scope.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(registrationId);
        Assert.Equal(EvaluationStatus.Recognised, sheet.LastChange!.To);
        using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var banner = ctx.Render<StatusBanner>(p => p.Add(x => x.Change, sheet.LastChange));
        Assert.Contains("Hồ sơ được công nhận: ", banner.Find("#status-banner").TextContent);
        Assert.Contains("Công nhận (nhập từ danh sách) theo Quyết định số 36/QĐ-UBND ngày 20/12/2023", banner.Find(".status-banner-reason").TextContent);
    }

    [Fact]
    public async Task Each_title_has_its_template_for_the_committee_and_a_scorer_is_refused()
    {
        var client = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(client, "bcd@camtan.vn", AppFactory.DemoPassword);
        foreach (var title in PastListService.Titles)
        {
            var response = await client.GetAsync(PastListService.TemplateUrl(title));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(PastListColumns.For(title), Assert.Single(rows).Values.Select(v => v?.ToString()));
        }
        var scorer = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(scorer, "canbo@camtan.vn", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await scorer.GetAsync(PastListService.TemplateUrl(Title.ClanLearning))).StatusCode);
    }
}
