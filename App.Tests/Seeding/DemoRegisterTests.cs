using System.Text.RegularExpressions;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Exemplary;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Units;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Seeding;

public sealed class DemoRegisterTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private async Task<AppDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Demo_commune_has_about_2000_households_7000_people_30_clans_and_25_units()
    {
        await using var db = await DbAsync();
        Assert.InRange(await db.Households.CountAsync(), 1_900, 2_100);
        Assert.InRange(await db.People.CountAsync(), 6_500, 7_500);
        Assert.Equal(25, await db.Units.CountAsync());
        Assert.Equal(25, DemoDataSeeder.UnitSeeds.Count);
        var clanVillages = await db.Clans.Select(c => c.Members.Select(m => m.Household!.VillageId).Distinct().Count()).ToListAsync();
        Assert.Equal(30, clanVillages.Count);
        Assert.True(clanVillages.Count(n => n >= 2) >= 20, $"Dòng họ trải trên ≥ 2 thôn: {clanVillages.Count(n => n >= 2)}");
        // Every village has households, but not the same number.
        var perVillage = await db.Households.GroupBy(h => h.VillageId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(10, perVillage.Count);
        Assert.True(perVillage.Max() > perVillage.Min() * 1.3, string.Join(", ", perVillage));
    }

    [Fact]
    public async Task Every_household_has_exactly_one_living_head_whose_name_it_carries()
    {
        await using var db = await DbAsync();
        var households = await db.Households.AsNoTracking().Include(h => h.Members).ToListAsync();
        Assert.All(households, h =>
        {
            var head = Assert.Single(h.Members, m => m.Relation == Relation.Head);
            Assert.Equal(PersonStatus.Living, head.Status);
            Assert.Equal(head.FullName, h.HeadName);
            Assert.Equal(head.FullNameSearch, h.HeadNameSearch);
            Assert.Equal(head.FullNameSort, h.HeadNameSort);
            Assert.Equal(head.GivenNameSort, h.HeadGivenNameSort);
            Assert.Equal(Enumerable.Range(1, h.Members.Count), h.Members.Select(m => m.SortOrder).Order());
        });
    }

    [Fact]
    public async Task Search_and_sort_keys_are_those_the_services_compute()
    {
        await using var db = await DbAsync();
        Assert.All(await db.People.AsNoTracking().ToListAsync(), p =>
        {
            Assert.Equal(VietnameseText.SearchKey(p.FullName), p.FullNameSearch);
            Assert.Equal(VietnameseText.SortKey(p.FullName), p.FullNameSort);
            Assert.Equal(VietnameseText.GivenNameSortKey(p.FullName), p.GivenNameSort);
            Assert.True(p.FullName.IsNormalized(), p.FullName);
        });
        Assert.All(await db.Clans.AsNoTracking().ToListAsync(), c => Assert.Equal(VietnameseText.SearchKey(c.Name), c.NameSearch));
        Assert.All(await db.Units.AsNoTracking().ToListAsync(), u => Assert.Equal(VietnameseText.SearchKey(u.Name), u.NameSearch));
    }

    [Fact]
    public async Task Searching_without_diacritics_finds_Vietnamese_names()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();

        var nguyen = await people.ListAsync(new PersonQuery("nguyen"), new PageRequest(PageSize: 100));
        Assert.InRange(nguyen.Total, 1_000, 4_000);
        Assert.All(nguyen.Items, p => Assert.Contains("Nguyễn", p.FullName));

        var vanAn = await people.ListAsync(new PersonQuery("nguyen van an"), new PageRequest(PageSize: 100));
        Assert.NotEmpty(vanAn.Items);
        Assert.All(vanAn.Items, p => Assert.StartsWith("Nguyễn Văn An", p.FullName));

        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var duc = await households.ListAsync(new HouseholdQuery("duc"), new PageRequest());
        Assert.NotEmpty(duc.Items);
        Assert.All(duc.Items, h => Assert.Contains("Đức", h.HeadName));
    }

    [Fact]
    public async Task Clans_have_a_head_a_phone_and_households_of_several_villages()
    {
        await using var db = await DbAsync();
        var clans = await db.Clans.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Name, c.HeadName, c.Phone, Villages = c.Members.Select(m => m.Household!.VillageId).Distinct().Count() })
            .ToListAsync();
        Assert.Equal(30, clans.Count);
        Assert.All(clans, c =>
        {
            Assert.Matches("^(Dòng họ|Họ) ", c.Name);
            Assert.False(string.IsNullOrEmpty(c.HeadName));
            Assert.Matches(@"^0\d{9}$", c.Phone);
        });
        Assert.Contains(clans, c => c.Name == "Dòng họ Nguyễn Văn" && c.Villages >= 5);
        // The clan head heads a member household and carries the clan's names.
        Assert.Contains(clans, c => c.Name == "Họ Nguyễn Đình" && c.HeadName.StartsWith("Nguyễn Đình "));
    }

    [Fact]
    public async Task Units_have_contacts_and_each_village_has_a_study_promotion_branch()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var units = await scope.ServiceProvider.GetRequiredService<UnitService>().ListAsync();
        Assert.Equal(25, units.Count);
        Assert.All(units, u =>
        {
            Assert.False(string.IsNullOrEmpty(u.HeadName));
            Assert.Contains("@", u.Email);
            Assert.True(u.StaffCount > 0);
        });
        var branches = units.Where(u => u.Kind == UnitKind.Branch).ToList();
        Assert.Equal(DemoDataSeeder.VillageNames.Order(), branches.Select(b => b.Village).Order());
        Assert.Contains(units, u => u.Code == "THCS" && u.Reporters.Contains("Trần Văn Nam"));
    }

    [Fact]
    public async Task Demo_accounts_keep_their_scopes()
    {
        await using (var scorer = await app.AsUserAsync("canbo@camtan.vn"))
        {
            var list = await scorer.ServiceProvider.GetRequiredService<HouseholdService>().ListAsync(new HouseholdQuery(), new PageRequest(PageSize: 5000));
            Assert.NotEmpty(list.Items);
            Assert.All(list.Items, h => Assert.Matches("^T0[12]-", h.Code));
            Assert.Equal(["Thôn Tân Hòa", "Thôn Tân Thành"], list.Items.Select(h => h.Village).Distinct().Order());
        }
        await using (var reporter = await app.AsUserAsync("donvi@camtan.vn"))
        {
            var units = await reporter.ServiceProvider.GetRequiredService<UnitService>().ListAsync();
            Assert.Equal("THCS", Assert.Single(units).Code);
        }
    }

    [Fact]
    public async Task People_are_plausible_for_their_age()
    {
        await using var db = await DbAsync();
        var people = await db.People.AsNoTracking().Include(p => p.Household).ToListAsync();
        var age = (Person p) => RegisterGenerator.Year - p.BirthYear!.Value;

        Assert.All(people, p =>
        {
            Assert.NotNull(p.BirthYear);
            Assert.True(p.BirthDate is null || p.BirthDate.Value.Year == p.BirthYear);
            Assert.InRange(age(p), 0, 100);
            if (age(p) < 6)
            {
                Assert.Equal(SchoolAttendance.NotYetOfAge, p.School);
                Assert.Equal(CitizenGroup.None, p.TargetGroup);
            }
            else if (age(p) <= 17)
            {
                Assert.True(p.School is SchoolAttendance.Attending or SchoolAttendance.DroppedOut);
                Assert.True(p.Education <= EducationLevel.UpperSecondary);
            }
            else
            {
                Assert.NotEqual(SchoolAttendance.NotYetOfAge, p.School);
                Assert.False(string.IsNullOrEmpty(p.Occupation), p.FullName);
            }
            if (p.School == SchoolAttendance.DroppedOut || p.Status != PersonStatus.Living)
            {
                Assert.NotEqual(Relation.Head, p.Relation);
            }
            Assert.Equal(p.Status != PersonStatus.Living, p.StatusDate is not null);
        });
        Assert.Contains(people, p => p.School == SchoolAttendance.DroppedOut);
        Assert.Contains(people, p => p.Status == PersonStatus.Deceased);
        Assert.Contains(people, p => p.Status == PersonStatus.MovedAway);
        Assert.Contains(people, p => p.BirthDate is null);
        Assert.Contains(people, p => p.Occupation == "Làm ruộng" && p.TargetGroup == CitizenGroup.FarmersAndRuralWorkers);
        Assert.Contains(people, p => p.Occupation == "Giáo viên" && p.TargetGroup == CitizenGroup.OfficialsAndIntellectuals);
        Assert.Contains(people, p => p.Occupation == "Công nhân" && p.TargetGroup == CitizenGroup.IndustrialAndCraftWorkers);
        Assert.True(people.Count(p => p.Sex == Sex.Female) > people.Count / 3);

        // Children are younger than their parents; grandparents older than the head.
        foreach (var household in people.GroupBy(p => p.HouseholdId))
        {
            var head = household.Single(p => p.Relation == Relation.Head);
            Assert.All(household.Where(p => p.Relation == Relation.Child),
                c => Assert.True(c.BirthYear >= head.BirthYear + 15, $"{head.FullName} {head.BirthYear} / {c.FullName} {c.BirthYear}"));
            Assert.All(household.Where(p => p.Relation == Relation.Parent), p => Assert.True(p.BirthYear <= head.BirthYear - 15));
        }

        var ids = people.Where(p => p.NationalId is not null).Select(p => p.NationalId!).ToList();
        Assert.InRange(ids.Count, 100, 1_000);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(@"^038[0-3]\d{8}$", id));
    }

    [Fact]
    public async Task Households_have_village_codes_addresses_phones_and_a_few_status_changes()
    {
        await using var db = await DbAsync();
        var households = await db.Households.AsNoTracking().Include(h => h.Village).ToListAsync();
        Assert.All(households, h =>
        {
            Assert.Matches(@"^T\d\d-\d{4}$", h.Code);
            Assert.StartsWith(h.Village!.Code + "-", h.Code);
            Assert.Matches(@"^Xóm [^,]+, " + Regex.Escape(h.Village.Name) + "$", h.Address);
            Assert.Equal(h.Status != HouseholdStatus.Resident, h.StatusDate is not null);
        });
        Assert.InRange(households.Count(h => h.Phone.Length > 0), households.Count / 2, households.Count * 4 / 5);
        Assert.InRange(households.Count(h => h.Status == HouseholdStatus.MovedAway), 10, 80);
        Assert.InRange(households.Count(h => h.Status == HouseholdStatus.Split), 5, 50);
        // Numbers run from 0001 without gaps in each village, as HouseholdService.NextCodeAsync continues them.
        foreach (var village in households.GroupBy(h => h.VillageId))
        {
            Assert.Equal(Enumerable.Range(1, village.Count()), village.Select(h => int.Parse(h.Code[4..])).Order());
        }
    }

    [Fact]
    public async Task Seeding_the_registers_again_adds_nothing()
    {
        await using var db = await DbAsync();
        var before = (await db.Households.CountAsync(), await db.People.CountAsync(), await db.Clans.CountAsync(), await db.ChangeLogs.CountAsync());
        var commune = await db.Communes.SingleAsync();
        var villages = await db.Villages.OrderBy(v => v.Code).ToListAsync();
        await new DemoRegisterSeeder(db).SeedAsync(commune, villages);
        var after = (await db.Households.CountAsync(), await db.People.CountAsync(), await db.Clans.CountAsync(), await db.ChangeLogs.CountAsync());
        Assert.Equal(before, after);
        // One summary line in the change log for the whole register, not one per row.
        Assert.Single(await db.ChangeLogs.Where(c => c.EntityType == nameof(Commune)).ToListAsync(), c => c.Changes.StartsWith("Dữ liệu mẫu:"));
        Assert.False(await db.ChangeLogs.AnyAsync(c => c.EntityType == nameof(Person)));
    }

    [Fact]
    public async Task Two_fresh_seeds_give_identical_data()
    {
        string first, second;
        await using (var db = await DbAsync())
        {
            first = await RegisterChecksum.ComputeAsync(db);
        }
        // Seeded again from scratch, not copied from the template this class's database came from.
        using (var other = new DemoRegisterApp { SeedsItself = true })
        {
            await using var db = await other.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            second = await RegisterChecksum.ComputeAsync(db);
        }
        Assert.Equal(first, second);
    }

    // The demo's givers are rows of the register, so a new award round of the demo commune shows their contributions.
    [Fact]
    public async Task The_demo_funds_givers_are_register_rows_and_a_new_round_hints_their_contributions()
    {
        int sponsorId;
        (int Id, string HeadName, string Village) giver;
        await using (var db = await DbAsync())
        {
            sponsorId = await db.Units.Where(u => u.Code == "CT-MAY").Select(u => u.Id).SingleAsync();
            var receipts = await db.Set<FundEntry>().Where(e => e.Year == 2026 && e.Kind == FundEntryKind.Receipt).OrderBy(e => e.Date).ToListAsync();
            Assert.Equal(["PT01/2026", "PT02/2026", "PT03/2026", "PT04/2026"], receipts.Select(e => e.Details.VoucherNumber));
            Assert.Equal(("Công ty TNHH May mặc Tân Phong", (int?)sponsorId), (receipts[0].Details.Party, receipts[0].UnitId));
            var householdId = Assert.IsType<int>(receipts[2].HouseholdId);
            giver = await db.Households.Where(h => h.Id == householdId).Select(h => ValueTuple.Create(h.Id, h.HeadName, h.Village!.Name)).SingleAsync();
            Assert.Equal($"Hộ {giver.HeadName}", receipts[2].Details.Party);
            Assert.Equal(await db.Villages.OrderBy(v => v.SortOrder).Select(v => v.Name).FirstAsync(), giver.Village);
        }

        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var awards = scope.ServiceProvider.GetRequiredService<AwardService>();
        var roundId = await awards.CreateRoundAsync(new RoundForm { Kind = AwardRoundKind.Yearly, Year = 2026 });
        var hints = await awards.HintsAsync(roundId);
        var sponsor = hints.Single(h => h.Kind == SubjectKind.Unit && h.Id == sponsorId);
        Assert.Equal(24_000_000L, sponsor.Contributions);
        Assert.Contains("Quỹ khuyến học 24.000.000 đ", sponsor.Reasons, StringComparison.OrdinalIgnoreCase);
        var family = hints.Single(h => h.Kind == SubjectKind.Household && h.Id == giver.Id);
        Assert.Equal((1_200_000L, giver.Village), (family.Contributions, family.Village));
    }

    // The demo's scholarships and learners' awards go to pupils of the register (of school age that year, in the villages
    // the demo names, each once), and the honoured elder and family are register rows: their household pages show them.
    [Fact]
    public async Task The_demo_scholarships_go_to_register_pupils_and_the_stories_name_register_rows()
    {
        await using var db = await DbAsync();
        var villages = await db.Villages.OrderBy(v => v.SortOrder).Select(v => v.Id).Take(4).ToListAsync();
        var ages = new Dictionary<string, (int Village, int From, int To)>
        {
            ["PC01"] = (0, 7, 17), ["PC02"] = (1, 7, 17), ["PC03"] = (2, 11, 17), ["PC04"] = (3, 18, 18),
        };
        var pupils = new List<int>();
        foreach (var year in new[] { 2025, 2026 })
        {
            foreach (var (voucher, (village, from, to)) in ages)
            {
                var entry = await db.Set<FundEntry>().SingleAsync(e => e.Details.VoucherNumber == $"{voucher}/{year}");
                var personId = Assert.IsType<int>(entry.PersonId);
                var pupil = await db.People.Include(x => x.Household).SingleAsync(x => x.Id == personId);
                Assert.Equal($"Em {pupil.FullName}", entry.Details.Party);
                Assert.Equal(PersonStatus.Living, pupil.Status);
                Assert.InRange(year - pupil.BirthYear!.Value, from, to);
                Assert.Equal((villages[village], (int?)villages[village]), (pupil.Household!.VillageId, entry.VillageId));
                pupils.Add(personId);
            }
        }
        Assert.Equal(pupils.Count, pupils.Distinct().Count());

        var stories = await db.Set<ExemplaryStory>().OrderBy(x => x.Id).ToListAsync();
        var elder = await db.People.SingleAsync(x => x.Id == Assert.IsType<int>(stories[0].PersonId));
        Assert.Equal((Sex.Female, $"Bà {elder.FullName}"), (elder.Sex, stories[0].Content.Name));
        Assert.StartsWith($"{stories[0].Year - elder.BirthYear} tuổi", stories[0].Content.Title, StringComparison.Ordinal);
        var family = await db.Households.SingleAsync(x => x.Id == Assert.IsType<int>(stories[1].HouseholdId));
        Assert.Equal($"Gia đình ông {family.HeadName}", stories[1].Content.Name);

        var first = await db.People.Where(x => x.Id == pupils[0]).Select(x => new { x.HouseholdId, x.FullName }).SingleAsync();
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var history = await scope.ServiceProvider.GetRequiredService<FundingService>().ForHouseholdAsync(first.HouseholdId);
        Assert.Contains(history, r => r.PersonName == first.FullName && r.Purpose == FundPurpose.Scholarship && r.Amount == 2_000_000);
    }
}
