using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Villages;

// Sáp nhập thôn through the real service on the app's clock (14/10/2026). Each test makes its own villages, so the
// tests of this class do not see each other's merges.
public sealed class VillageMergeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _villages;

    [Fact]
    public async Task Households_people_registrations_and_units_move_with_a_dated_line_and_the_village_closes()
    {
        var (from, into) = await TwoVillagesAsync();
        var first = await app.AddHouseholdAsync(from.Code, "Đinh Văn Sáp", ("Đinh Văn Sáp", Sex.Male, 1970, Relation.Head), ("Lê Thị Nhập", Sex.Female, 1972, Relation.Spouse));
        var second = await app.AddHouseholdAsync(from.Code, "Quách Thị Hợp", ("Quách Thị Hợp", Sex.Female, 1980, Relation.Head));
        var stays = await app.AddHouseholdAsync(into.Code, "Bùi Văn Nhận");
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, 2026, [first]);
        }
        int unitId;
        await using (var db = await DbAsync())
        {
            var unit = new Unit { CommuneId = from.CommuneId, Code = $"CH-{from.Code}", Name = $"Chi hội {from.Name}", VillageId = from.Id };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unitId = unit.Id;
        }

        VillageMergePreview preview;
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var merges = admin.ServiceProvider.GetRequiredService<VillageMergeService>();
            var form = new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2026, 9, 1) };
            preview = await merges.PreviewAsync(form);
            Assert.Equal((2, 3, 1, 1), (preview.Households, preview.People, preview.Units, preview.Registrations));
            Assert.StartsWith($"Sáp nhập {from.Name} vào {into.Name} từ ngày 01/09/2026: 2 hộ, 3 nhân khẩu", preview.Summary);
            await merges.MergeAsync(form);
        }

        await using var check = await DbAsync();
        var villages = await check.Villages.Where(v => v.Id == from.Id || v.Id == into.Id).ToDictionaryAsync(v => v.Id);
        Assert.False(villages[from.Id].Active);
        Assert.Equal(new DateOnly(2026, 9, 1), villages[from.Id].ActiveTo);
        Assert.Equal(into.Id, villages[from.Id].MergedIntoId);
        Assert.True(villages[into.Id].Active);
        Assert.All(await check.Households.Where(h => h.Id == first || h.Id == second || h.Id == stays).ToListAsync(), h => Assert.Equal(into.Id, h.VillageId));
        var lines = await check.Set<HouseholdVillageChange>().Where(c => c.FromVillageId == from.Id).ToListAsync();
        Assert.Equal([first, second], lines.Select(l => l.HouseholdId).Order());
        Assert.All(lines, l => Assert.Equal((into.Id, new DateOnly(2026, 9, 1)), (l.ToVillageId, l.On)));
        Assert.Equal(into.Id, await check.Set<Registration>().Where(r => r.SubjectId == first && r.SubjectKind == SubjectKind.Household).Select(r => r.VillageId).SingleAsync());
        Assert.Equal(into.Id, (await check.Units.SingleAsync(u => u.Id == unitId)).VillageId);
        var audit = await check.ChangeLogs.SingleAsync(c => c.EntityType == nameof(Village) && c.EntityId == from.Id.ToString() && c.Action == "Sáp nhập");
        Assert.Equal(preview.Summary, audit.Changes);
        Assert.Equal("admin@camtan.vn", audit.By);
    }

    [Fact]
    public async Task Figures_of_2024_keep_the_merged_village_and_the_receiving_village_does_not_grow()
    {
        var (from, into) = await TwoVillagesAsync();
        var old = await app.AddHouseholdAsync(from.Code, "Hà Văn Cũ", ("Hà Văn Cũ", Sex.Male, 1960, Relation.Head), ("Hà Thị Mai", Sex.Female, 1990, Relation.Child));
        var oldToo = await app.AddHouseholdAsync(from.Code, "Tạ Thị Xưa", ("Tạ Thị Xưa", Sex.Female, 1965, Relation.Head));
        var host = await app.AddHouseholdAsync(into.Code, "Lò Văn Chủ", ("Lò Văn Chủ", Sex.Male, 1975, Relation.Head));
        await using (var db = await DbAsync())
        {
            // In the register since before the app, and one recognised GĐHT in 2024 by a decided evaluation.
            await db.Households.Where(h => h.Id == old || h.Id == oldToo || h.Id == host).ExecuteUpdateAsync(s => s.SetProperty(h => h.ActiveFrom, (DateOnly?)null));
            await db.People.Where(p => p.HouseholdId == old || p.HouseholdId == oldToo || p.HouseholdId == host).ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveFrom, (DateOnly?)null));
            var set = await db.Set<CriteriaSet>().Where(s => s.Title == Title.FamilyLearning).Select(s => s.Id).FirstAsync();
            db.Add(new Registration
            {
                CommuneId = from.CommuneId, Year = 2024, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household, SubjectId = old, VillageId = from.Id,
                SubjectName = "Hà Văn Cũ", RegisteredOn = new DateOnly(2024, 3, 1),
                Evaluation = new Evaluation { CriteriaSetId = set, Status = EvaluationStatus.Recognised, MeetsCriteria = true, TotalTenths = 900 },
            });
            await db.SaveChangesAsync();
        }
        var before2024 = await VillageRowsAsync(2024, from, into);
        var trendBefore = await TrendAsync(from.CommuneId);
        Assert.Equal((2, 1), (before2024[from.Id].Households.Total, before2024[from.Id].Households.Recognised));
        Assert.Equal(1, before2024[into.Id].Households.Total);

        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2026, 7, 1) });
        }

        var after2024 = await VillageRowsAsync(2024, from, into);
        Assert.Equal(before2024[from.Id], after2024[from.Id]);
        Assert.Equal(before2024[into.Id], after2024[into.Id]);
        Assert.Equal(trendBefore, await TrendAsync(from.CommuneId));
        // 2026: the merged village is gone from the table and its households are the receiving village's.
        var now = await VillageRowsAsync(2026, from, into);
        Assert.False(now.ContainsKey(from.Id));
        Assert.Equal(3, now[into.Id].Households.Total);
        Assert.Equal(before2024[from.Id].People.Total + before2024[into.Id].People.Total, now[into.Id].People.Total);
    }

    [Fact]
    public async Task A_household_given_another_village_moves_from_today_and_earlier_years_keep_it_where_it_was()
    {
        var (from, into) = await TwoVillagesAsync();
        var moving = await app.AddHouseholdAsync(from.Code, "Đoàn Văn Dời", ("Đoàn Văn Dời", Sex.Male, 1970, Relation.Head), ("Đoàn Thị Chuyển", Sex.Female, 2001, Relation.Child));
        await using (var db = await DbAsync())
        {
            await db.Households.Where(h => h.Id == moving).ExecuteUpdateAsync(s => s.SetProperty(h => h.ActiveFrom, (DateOnly?)null));
            await db.People.Where(p => p.HouseholdId == moving).ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveFrom, (DateOnly?)null));
            var set = await db.Set<CriteriaSet>().Where(s => s.Title == Title.FamilyLearning).Select(s => s.Id).FirstAsync();
            db.Add(new Registration
            {
                CommuneId = from.CommuneId, Year = 2024, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household, SubjectId = moving, VillageId = from.Id,
                SubjectName = "Đoàn Văn Dời", RegisteredOn = new DateOnly(2024, 3, 1),
                Evaluation = new Evaluation { CriteriaSetId = set, Status = EvaluationStatus.Recognised, MeetsCriteria = true, TotalTenths = 900 },
            });
            await db.SaveChangesAsync();
        }
        var child = await PersonIdAsync(moving, "Đoàn Thị Chuyển");
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var registrations = admin.ServiceProvider.GetRequiredService<RegistrationService>();
            await registrations.RegisterAsync(Title.FamilyLearning, 2026, [moving]);
            await registrations.RegisterAsync(Title.CitizenLearning, 2026, [child]);
        }
        var before2024 = await VillageRowsAsync(2024, from, into);
        Assert.Equal((1, 1, 2), (before2024[from.Id].Households.Total, before2024[from.Id].Households.Recognised, before2024[from.Id].People.Total));

        await MoveAsync(moving, into.Id);

        // 2024 is signed: the household stays in the village it was in; from today (14/10/2026) it is the new village's.
        Assert.Equal(before2024[from.Id], (await VillageRowsAsync(2024, from, into))[from.Id]);
        Assert.Equal(before2024[into.Id], (await VillageRowsAsync(2024, from, into))[into.Id]);
        var now = await VillageRowsAsync(2026, from, into);
        Assert.Equal((0, 1), (now[from.Id].Households.Total, now[into.Id].Households.Total));
        await using (var db = await DbAsync())
        {
            var line = await db.Set<HouseholdVillageChange>().SingleAsync(c => c.HouseholdId == moving);
            Assert.Equal((from.Id, into.Id, new DateOnly(2026, 10, 14), $"Hộ chuyển từ {from.Name} sang {into.Name}"), (line.FromVillageId, line.ToVillageId, line.On, line.Reason));
            var villages = await db.Set<Registration>().Where(r => (r.SubjectKind == SubjectKind.Household && r.SubjectId == moving) || (r.SubjectKind == SubjectKind.Person && r.SubjectId == child))
                .OrderBy(r => r.Year).ThenBy(r => r.Title).Select(r => new { r.Year, r.VillageId }).ToListAsync();
            Assert.Equal([(2024, (int?)from.Id), (2026, into.Id), (2026, into.Id)], villages.Select(r => (r.Year, r.VillageId)));
        }

        // Put back the same day (a slip): no move is left behind, and the figures are as before.
        await MoveAsync(moving, from.Id);
        await using (var db = await DbAsync())
        {
            Assert.False(await db.Set<HouseholdVillageChange>().AnyAsync(c => c.HouseholdId == moving));
        }
        Assert.Equal((1, 0), ((await VillageRowsAsync(2026, from, into))[from.Id].Households.Total, (await VillageRowsAsync(2026, from, into))[into.Id].Households.Total));
    }

    private async Task MoveAsync(int householdId, int villageId)
    {
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var households = admin.ServiceProvider.GetRequiredService<HouseholdService>();
        var form = (await households.GetAsync(householdId)).Form;
        form.VillageId = villageId;
        await households.SaveAsync(form);
    }

    private async Task<int> PersonIdAsync(int householdId, string name)
    {
        await using var db = await DbAsync();
        return await db.People.Where(p => p.HouseholdId == householdId && p.FullName == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task A_merge_is_refused_with_a_Vietnamese_reason()
    {
        var (from, into) = await TwoVillagesAsync();
        var (other, _) = await TwoVillagesAsync();
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var merges = admin.ServiceProvider.GetRequiredService<VillageMergeService>();

        var itself = await Assert.ThrowsAsync<ValidationException>(() => merges.PreviewAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = from.Id, On = new DateTime(2026, 9, 1) }));
        Assert.Contains("Không thể sáp nhập một thôn vào chính nó.", itself.Message);
        var empty = await Assert.ThrowsAsync<ValidationException>(() => merges.PreviewAsync(new VillageMergeForm()));
        Assert.Contains("Hãy chọn thôn được sáp nhập.", empty.Message);
        Assert.Contains("Hãy nhập ngày sáp nhập có hiệu lực.", empty.Message);
        var closed = await Assert.ThrowsAsync<ValidationException>(() => merges.MergeAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2025, 12, 1) }));
        Assert.Equal("Năm 2025 đã kết thúc, số liệu của năm đó không được thay đổi: ngày sáp nhập phải trong năm 2026.", closed.Message);
        var later = await Assert.ThrowsAsync<ValidationException>(() => merges.MergeAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2027, 1, 1) }));
        Assert.Equal("Ngày sáp nhập phải trong năm đang thực hiện (2026).", later.Message);

        await merges.MergeAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2026, 9, 1) });
        var again = await Assert.ThrowsAsync<ValidationException>(() => merges.MergeAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = other.Id, On = new DateTime(2026, 9, 2) }));
        Assert.Equal($"{from.Name} đã được sáp nhập trước đó.", again.Message);
        var intoClosed = await Assert.ThrowsAsync<ValidationException>(() => merges.MergeAsync(new VillageMergeForm { MergedVillageId = other.Id, IntoVillageId = from.Id, On = new DateTime(2026, 9, 2) }));
        Assert.Equal($"{from.Name} đã sáp nhập vào thôn khác: không thể nhận sáp nhập.", intoClosed.Message);
        // No new household in a merged village.
        var household = await Assert.ThrowsAsync<ValidationException>(() => app.AddHouseholdAsync(from.Code, "Vi Văn Mới"));
        Assert.Equal($"{from.Name} đã sáp nhập vào thôn khác: hãy chọn thôn đang hoạt động.", household.Message);
    }

    [Fact]
    public async Task A_merged_village_is_no_longer_asked_for_a_yearly_report()
    {
        var (from, into) = await TwoVillagesAsync();
        var deadline = new Deadline { CommuneId = from.CommuneId, Name = "Báo cáo năm của các thôn", Audience = DeadlineAudience.Villages };
        await using (var db = await DbAsync())
        {
            var before = await ReportObligations.ExpectedSubjectsAsync(db, deadline, 2026, "Cẩm Tân", default);
            Assert.Contains(before, s => s.Ref == new SubjectRef(ReportSubjectKind.Village, from.Id));
            Assert.Equal(before.Count, await ReportObligations.CountExpectedAsync(db, deadline, 2026, default));
        }

        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2026, 9, 1) });
        }

        await using (var db = await DbAsync())
        {
            var after = await ReportObligations.ExpectedSubjectsAsync(db, deadline, 2026, "Cẩm Tân", default);
            Assert.DoesNotContain(after, s => s.Ref == new SubjectRef(ReportSubjectKind.Village, from.Id));
            Assert.Contains(after, s => s.Ref == new SubjectRef(ReportSubjectKind.Village, into.Id));
            Assert.Equal(after.Count, await ReportObligations.CountExpectedAsync(db, deadline, 2026, default));
        }
    }

    [Theory]
    [InlineData("bcd@camtan.vn")]
    [InlineData("canbo@camtan.vn")]
    [InlineData("xem@camtan.vn")]
    public async Task Only_an_administrator_merges_villages(string email)
    {
        var (from, into) = await TwoVillagesAsync();
        await using var user = await app.AsUserAsync(email);
        var merges = user.ServiceProvider.GetRequiredService<VillageMergeService>();
        var form = new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2026, 9, 1) };
        await Assert.ThrowsAsync<ForbiddenException>(() => merges.PreviewAsync(form));
        await Assert.ThrowsAsync<ForbiddenException>(() => merges.MergeAsync(form));
        await using var db = await DbAsync();
        Assert.True(await db.Villages.Where(v => v.Id == from.Id).Select(v => v.Active).SingleAsync());
    }

    private async Task<(Village From, Village Into)> TwoVillagesAsync()
    {
        var n = Interlocked.Add(ref _villages, 2);
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var villages = admin.ServiceProvider.GetRequiredService<VillageService>();
            await villages.SaveAsync(new VillageForm { Code = $"SN{n - 1}", Name = $"Thôn Sáp {n - 1}", SortOrder = 100 + n, Before = true });
            await villages.SaveAsync(new VillageForm { Code = $"SN{n}", Name = $"Thôn Nhận {n}", SortOrder = 101 + n, Before = true });
        }
        await using var db = await DbAsync();
        return (await db.Villages.SingleAsync(v => v.Code == $"SN{n - 1}"), await db.Villages.SingleAsync(v => v.Code == $"SN{n}"));
    }

    private async Task<Dictionary<int, VillageFigures>> VillageRowsAsync(int year, params Village[] villages)
    {
        await using var db = await DbAsync();
        var ids = villages.Select(v => v.Id).ToHashSet();
        var figures = await DashboardQueries.YearAsync(db, villages[0].CommuneId, year);
        return figures.Villages.Where(v => ids.Contains(v.VillageId)).ToDictionary(v => v.VillageId);
    }

    private async Task<string> TrendAsync(int communeId)
    {
        await using var db = await DbAsync();
        var points = await DashboardQueries.TrendAsync(db, communeId, 2023, 2025);
        return string.Join("; ", points.Select(p => $"{p.Year} {p.Title} {p.Counts}"));
    }

    private Task<AppDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
