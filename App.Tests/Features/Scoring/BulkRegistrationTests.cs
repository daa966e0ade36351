using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

public sealed class BulkRegistrationTests(BulkRegistrationTests.App app) : IClassFixture<BulkRegistrationTests.App>
{
    public sealed class App : AppFactory
    {
        public App() => Settings["Scoring:RegistrationCloses"] = "31/12";
    }

    // The app's year (its clock starts on AppFactory.ClockStart), not the year the tests happen to run in.
    private static readonly int Year = AppFactory.ClockStart.Year;

    private async Task<T> As<T>(string email, Func<RegistrationService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<RegistrationService>());
    }

    private async Task<int> RegisteredAsync(int villageId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Registration>().CountAsync(r => r.VillageId == villageId && r.Title == Title.FamilyLearning && r.Year == Year);
    }

    [Fact]
    public async Task Register_all_shows_the_count_then_registers_every_unregistered_household_of_the_village_once()
    {
        var village = await app.AddVillageAsync("B01", "Thôn Bắc Sơn");
        var statuses = Enumerable.Repeat(HouseholdStatus.Resident, 35).Concat(Enumerable.Repeat(HouseholdStatus.MovedAway, 3)).Concat(Enumerable.Repeat(HouseholdStatus.Split, 2)).ToList();
        var households = await app.AddHouseholdsAsync(village, statuses);
        Assert.Equal(2, await As("admin@camtan.vn", r => r.RegisterAsync(Title.FamilyLearning, Year, [households[0], households[1]])));

        var filter = new CandidateFilter(Title.FamilyLearning, Year, village);
        var preview = await As("admin@camtan.vn", r => r.PreviewRegisterAllAsync(filter));
        Assert.Equal(33, preview.Count);
        Assert.Equal($"Sẽ đăng ký 33 hộ của Thôn Bắc Sơn cho danh hiệu Gia đình học tập năm {Year}.", preview.Text);

        Assert.Equal(33, await As("admin@camtan.vn", r => r.RegisterAllAsync(filter)));
        Assert.Equal(35, await RegisteredAsync(village));
        Assert.Equal(0, await As("admin@camtan.vn", r => r.RegisterAllAsync(filter)));
        Assert.Equal(0, (await As("admin@camtan.vn", r => r.CandidatesAsync(filter, new PageRequest()))).Total);

        // Households that split still live in the commune; households that moved away are never registered.
        var split = filter with { HouseholdStatus = HouseholdStatus.Split };
        Assert.Equal($"Sẽ đăng ký 2 hộ của Thôn Bắc Sơn (tình trạng \"Tách hộ\") cho danh hiệu Gia đình học tập năm {Year}.",
            (await As("admin@camtan.vn", r => r.PreviewRegisterAllAsync(split))).Text);
        Assert.Equal(0, (await As("admin@camtan.vn", r => r.PreviewRegisterAllAsync(filter with { HouseholdStatus = HouseholdStatus.MovedAway }))).Count);
        Assert.Equal(2, await As("admin@camtan.vn", r => r.RegisterAllAsync(filter with { HouseholdStatus = null })));
        Assert.Equal(37, await RegisteredAsync(village));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var registration = await db.Set<Registration>().SingleAsync(r => r.SubjectId == households[2] && r.Title == Title.FamilyLearning);
        Assert.Equal(("Hộ " + BulkTestData.Name(2) + " (B01-0003)", village, "admin@camtan.vn", 1),
            (registration.SubjectName, registration.VillageId!.Value, registration.CreatedBy, registration.Version));
        Assert.Equal(VietnameseText.SearchKey(registration.SubjectName), registration.SubjectSearch);
        Assert.Contains(await db.ChangeLogs.Select(c => c.Changes).ToListAsync(), c => c == $"Đăng ký hàng loạt 33 hộ của Thôn Bắc Sơn cho danh hiệu Gia đình học tập năm {Year}.");
    }

    [Fact]
    public async Task Candidates_are_paged_on_the_server_and_searched_without_diacritics()
    {
        var village = await app.AddVillageAsync("B02", "Thôn Bãi Dâu");
        await app.AddHouseholdsAsync(village, 45, i => i % 9 == 0 ? $"Đỗ Đức Thắng {i}" : BulkTestData.Name(i) + " Hải");
        var filter = new CandidateFilter(Title.FamilyLearning, Year, village);

        var first = await As("admin@camtan.vn", r => r.CandidatesAsync(filter, new PageRequest(0, 20)));
        var last = await As("admin@camtan.vn", r => r.CandidatesAsync(filter, new PageRequest(2, 20)));
        Assert.Equal((45, 20, 5), (first.Total, first.Items.Count, last.Items.Count));
        Assert.Equal("B02-0001", first.Items[0].Name[^9..^1]);
        Assert.All(first.Items, c => Assert.Equal("Thôn Bãi Dâu", c.Village));

        var search = filter with { Search = "do duc THANG" };
        var found = await As("admin@camtan.vn", r => r.CandidatesAsync(search, new PageRequest(0, 20)));
        Assert.Equal(5, found.Total);
        Assert.All(found.Items, c => Assert.StartsWith("Hộ Đỗ Đức Thắng", c.Name));
        Assert.Equal(5, await As("admin@camtan.vn", r => r.RegisterAllAsync(search)));
        Assert.Equal(40, (await As("admin@camtan.vn", r => r.CandidatesAsync(filter, new PageRequest()))).Total);
        Assert.Equal(1, (await As("admin@camtan.vn", r => r.CandidatesAsync(filter with { Search = "b02-0002" }, new PageRequest()))).Total);
    }

    [Fact]
    public async Task Two_register_all_at_the_same_time_register_each_household_once()
    {
        var village = await app.AddVillageAsync("B03", "Thôn Bến Đò");
        await app.AddHouseholdsAsync(village, 300);
        var filter = new CandidateFilter(Title.FamilyLearning, Year, village);
        var counts = await Task.WhenAll(As("admin@camtan.vn", r => r.RegisterAllAsync(filter)), As("admin@camtan.vn", r => r.RegisterAllAsync(filter)));
        Assert.Equal(300, counts.Sum());
        Assert.Equal(300, await RegisteredAsync(village));
    }

    [Fact]
    public async Task A_scorer_registers_all_only_in_their_villages_and_other_roles_are_refused()
    {
        var outside = await app.VillageIdAsync("T05");
        var t01 = await app.VillageIdAsync("T01");
        await app.AddHouseholdsAsync(t01, 4, i => $"Lò Văn Phạm Vi {i}");
        await app.AddHouseholdsAsync(outside, 3, i => $"Lò Văn Ngoài {i}");

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => As("canbo@camtan.vn", r => r.RegisterAllAsync(new CandidateFilter(Title.FamilyLearning, Year, outside))));
        Assert.Equal("Thôn này không thuộc phạm vi của bạn.", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => As("canbo@camtan.vn", r => r.PreviewRegisterAllAsync(new CandidateFilter(Title.FamilyLearning, Year, outside))));
        await Assert.ThrowsAsync<ForbiddenException>(() => As("bcd@camtan.vn", r => r.RegisterAllAsync(new CandidateFilter(Title.FamilyLearning, Year))));
        await Assert.ThrowsAsync<ForbiddenException>(() => As("xem@camtan.vn", r => r.PreviewRegisterAllAsync(new CandidateFilter(Title.FamilyLearning, Year))));
        await Assert.ThrowsAsync<ForbiddenException>(() => As("donvi@camtan.vn", r => r.CandidatesAsync(new CandidateFilter(Title.FamilyLearning, Year), new PageRequest())));

        // Without a village the scorer's "all" is all of their villages, never another's; clans are commune-wide, so none.
        var search = new CandidateFilter(Title.FamilyLearning, Year, Search: "lo van");
        var preview = await As("canbo@camtan.vn", r => r.PreviewRegisterAllAsync(search));
        Assert.Equal($"Sẽ đăng ký 4 hộ của các thôn được phân công có tên khớp \"lo van\" cho danh hiệu Gia đình học tập năm {Year}.", preview.Text);
        Assert.Equal(4, await As("canbo@camtan.vn", r => r.RegisterAllAsync(search)));
        Assert.Equal(3, (await As("admin@camtan.vn", r => r.CandidatesAsync(search, new PageRequest()))).Total);
        Assert.Equal(0, await As("canbo@camtan.vn", r => r.RegisterAllAsync(new CandidateFilter(Title.ClanLearning, Year))));
    }

    [Fact]
    public async Task The_window_says_the_deadline_and_who_may_register_before_anything_is_chosen()
    {
        var scorer = await As("canbo@camtan.vn", r => r.WindowAsync(Year));
        Assert.True(scorer.Open && scorer.CanRegister);
        Assert.Equal(new DateOnly(Year, 12, 31), scorer.ClosesOn);
        Assert.StartsWith($"Hạn đăng ký danh hiệu năm {Year}: 31/12/{Year} (", scorer.Text);
        Assert.Contains("sau hạn chỉ quản trị viên đăng ký bổ sung được. Bạn đăng ký được hộ và người dân của Thôn Tân Hòa, Thôn Tân Thành.", scorer.Text);

        var past = await As("canbo@camtan.vn", r => r.WindowAsync(Year - 1));
        Assert.False(past.Open || past.CanRegister);
        Assert.Equal($"Đã hết hạn đăng ký danh hiệu năm {Year - 1} (31/12/{Year - 1}): chỉ quản trị viên còn đăng ký bổ sung được. Hãy liên hệ quản trị viên nếu cần đăng ký bổ sung.", past.Text);
        var admin = await As("admin@camtan.vn", r => r.WindowAsync(Year - 1));
        Assert.True(admin.CanRegister);
        Assert.False(admin.Open);
        await Assert.ThrowsAsync<ForbiddenException>(() => As("bcd@camtan.vn", r => r.WindowAsync(Year)));

        var late = await Assert.ThrowsAsync<ValidationException>(() => As("canbo@camtan.vn", r => r.RegisterAllAsync(new CandidateFilter(Title.FamilyLearning, Year - 1))));
        Assert.Equal($"Đã hết hạn đăng ký danh hiệu năm {Year - 1} (hạn 31/12/{Year - 1}). Hãy liên hệ quản trị viên nếu cần đăng ký bổ sung.", late.Message);
    }
}
