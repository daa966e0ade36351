using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

// Searches of three characters or more go through the trigram FTS5 indexes (migration TextSearchIndex); their results
// must be exactly those of the plain Contains the lists used before, and the indexes must follow every change.
public sealed class TextSearchTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private const string Admin = "admin@camtan.vn";

    public static TheoryData<string> Terms => ["nguyen van", "Nguyễn Văn", "THỊ", "thi", "an", "T01", "t02-00", "0912", "hoa", "xyzxyz", "Lê Thị", "\"q"];

    [Theory]
    [MemberData(nameof(Terms))]
    public async Task Household_search_finds_exactly_what_Contains_finds(string term)
    {
        var (scope, households) = await app.ServiceAsync<HouseholdService>(Admin);
        await using var _ = scope;
        var key = VietnameseText.SearchKey(term);
        var code = term.Trim().ToUpperInvariant();
        var expected = await app.WithDbAsync(db => db.Households.Where(h => h.HeadNameSearch.Contains(key) || h.Code.Contains(code) || h.Phone.Contains(key))
            .OrderBy(h => h.HeadGivenNameSort).ThenBy(h => h.Id).Select(h => h.Id).ToListAsync());

        var found = await households.ListAsync(new HouseholdQuery(term), new PageRequest(0, 100_000));

        Assert.Equal(expected, found.Items.Select(h => h.Id));
        Assert.Equal(expected.Count, found.Total);
    }

    [Theory]
    [MemberData(nameof(Terms))]
    public async Task People_search_finds_exactly_what_Contains_finds(string term)
    {
        var (scope, people) = await app.ServiceAsync<PeopleService>(Admin);
        await using var _ = scope;
        var key = VietnameseText.SearchKey(term);
        var expected = await app.WithDbAsync(db => db.People.Where(p => p.FullNameSearch.Contains(key))
            .OrderBy(p => p.GivenNameSort).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync());

        var found = await people.ListAsync(new PersonQuery(term), new PageRequest(0, 100_000));

        Assert.Equal(expected, found.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Registration_candidates_are_searched_through_the_index_with_the_same_results()
    {
        var scopeOf = await app.AsUserAsync(Admin);
        await using var _ = scopeOf;
        var user = await scopeOf.ServiceProvider.GetRequiredService<HocTapSuotDoi.Security.CurrentUser>().RequireScopeAsync();
        var filter = new CandidateFilter(Title.FamilyLearning, 2026, Search: "nguyen");
        var (indexed, plain) = await app.WithDbAsync(async db =>
        {
            var rows = await (await RegistrationCandidates.QueryAsync(db, user, filter)).Select(c => c.SubjectId).ToListAsync();
            var registered = db.Set<Registration>().Where(r => r.Year == 2026 && r.Title == Title.FamilyLearning).Select(r => r.SubjectId);
            var statuses = RegistrationCandidates.RegistrableStatuses.ToList();
            var expected = await db.Households.Where(h => h.Status == HouseholdStatus.Resident && statuses.Contains(h.Status) && !registered.Contains(h.Id)
                    && (h.HeadNameSearch.Contains("nguyen") || h.Code.Contains("NGUYEN"))).OrderBy(h => h.Code).Select(h => h.Id).ToListAsync();
            return (rows, expected);
        });

        Assert.NotEmpty(plain);
        Assert.Equal(plain, indexed);
    }

    [Fact]
    public async Task The_index_follows_new_renamed_and_deleted_rows()
    {
        var id = await app.AddHouseholdAsync("T03", "Khổng Minh Quỳnh", ("Khổng Thị Diệp", Sex.Female, 1990, Relation.Spouse));
        var (scope, households) = await app.ServiceAsync<HouseholdService>(Admin);
        await using var _ = scope;
        Assert.Equal([id], (await households.ListAsync(new HouseholdQuery("khong minh"), new PageRequest())).Items.Select(h => h.Id));
        // The row is in the trigram index itself, not only found by a fallback scan.
        Assert.Equal([id], await app.WithDbAsync(db => db.Database
            .SqlQuery<int>($"SELECT rowid AS \"Value\" FROM HouseholdSearch WHERE HouseholdSearch MATCH '\"khong minh quynh\"'").ToListAsync()));

        var form = (await households.GetAsync(id)).Form;
        form.HeadName = "Khổng Minh Quý";
        await households.SaveAsync(form);
        Assert.DoesNotContain(id, (await households.ListAsync(new HouseholdQuery("quynh"), new PageRequest())).Items.Select(h => h.Id));
        Assert.Equal([id], (await households.ListAsync(new HouseholdQuery("Khổng Minh Quý"), new PageRequest())).Items.Select(h => h.Id));

        var (peopleScope, people) = await app.ServiceAsync<PeopleService>(Admin);
        await using var __ = peopleScope;
        Assert.Single((await people.ListAsync(new PersonQuery("khong thi diep"), new PageRequest())).Items);
        await app.WithDbAsync(db => db.People.Where(p => p.HouseholdId == id && p.FullNameSearch == "khong thi diep").ExecuteDeleteAsync());
        Assert.Empty((await people.ListAsync(new PersonQuery("khong thi diep"), new PageRequest())).Items);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData("Code", false)]
    [InlineData("Members", true)]
    public async Task Paging_through_the_household_list_gives_every_row_once_in_order(string? sortBy, bool descending)
    {
        var (scope, households) = await app.ServiceAsync<HouseholdService>(Admin);
        await using var _ = scope;
        var all = await households.ListAsync(new HouseholdQuery(), new PageRequest(0, 100_000, sortBy, descending));

        var paged = new List<HouseholdRow>();
        for (var page = 0; page * 37 < all.Total; page++)
        {
            paged.AddRange((await households.ListAsync(new HouseholdQuery(), new PageRequest(page, 37, sortBy, descending))).Items);
        }

        Assert.True(all.Total > 100);
        Assert.Equal(all.Items, paged);
    }

    [Fact]
    public async Task Paging_through_the_people_list_gives_every_row_once_in_order()
    {
        var (scope, people) = await app.ServiceAsync<PeopleService>(Admin);
        await using var _ = scope;
        var query = new PersonQuery(Order: NameOrder.FamilyName);
        var all = await people.ListAsync(query, new PageRequest(0, 100_000));

        var paged = new List<PersonRow>();
        for (var page = 0; page * 250 < all.Total; page++)
        {
            paged.AddRange((await people.ListAsync(query, new PageRequest(page, 250))).Items);
        }

        Assert.Equal(all.Items, paged);
    }
}
