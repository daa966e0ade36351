using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

// The head typed on the household form is the household's first member; what nobody filled reads "chưa nhập", never a
// default that looks like an answer; such a member counts in no figure that needs an age.
public sealed class HouseholdHeadMemberTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;
    private HouseholdService _households = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "admin@camtan.vn");
        _households = _services.GetRequiredService<HouseholdService>();
    }

    [Fact]
    public async Task The_head_typed_on_the_form_is_the_first_member_with_nothing_else_made_up()
    {
        var id = await _households.SaveAsync(new HouseholdForm { VillageId = await app.VillageIdAsync("T04"), HeadName = "Hoàng Văn Đầu" });
        var detail = await _households.GetAsync(id);
        var head = Assert.Single(detail.Members);
        Assert.Equal(("Hoàng Văn Đầu", Relation.Head, Sex.NotEntered, EducationLevel.NotEntered, ""), (head.FullName, head.Relation, head.Sex, head.Education, head.Birth));

        var members = _ctx.Render<HouseholdMembers>(p => p.Add(x => x.Detail, detail));
        var row = members.Find("#members-table tbody tr");
        Assert.Equal(3, row.QuerySelectorAll(".not-entered").Length);
        Assert.All(row.QuerySelectorAll(".not-entered"), cell => Assert.Equal("chưa nhập", cell.TextContent));
        Assert.DoesNotContain("Chưa đi học", row.TextContent);
        Assert.Contains("Chủ hộ", row.TextContent);
        // The edit form asks for the sex and the birth rather than showing made-up ones.
        var form = await _households.GetPersonAsync(head.Id);
        Assert.Null(form.Sex);
        Assert.Null(form.BirthYear);
        Assert.Equal(EducationLevel.NotEntered, form.Education);
    }

    [Fact]
    public async Task Adding_the_head_as_a_member_fills_the_first_member_in_and_a_renamed_head_renames_it()
    {
        var id = await app.AddHouseholdAsync("T04", "Lã Văn Điền", ("Lã Văn Điền", Sex.Male, 1968, Relation.Head), ("Mạc Thị Vợ", Sex.Female, 1970, Relation.Spouse));
        var members = (await _households.GetAsync(id)).Members;
        Assert.Equal(2, members.Count);
        Assert.Equal(("Lã Văn Điền", Relation.Head, Sex.Male, "1968"), (members[0].FullName, members[0].Relation, members[0].Sex, members[0].Birth));

        var form = (await _households.GetAsync(id)).Form;
        form.HeadName = "Lã Văn Điển";
        await _households.SaveAsync(form);
        var renamed = await _households.GetAsync(id);
        Assert.Equal(("Lã Văn Điển", "Lã Văn Điển"), (renamed.Form.HeadName, renamed.Members[0].FullName));
        Assert.Equal(2, renamed.Members.Count);
    }

    [Fact]
    public async Task A_head_member_without_a_birth_year_counts_among_households_but_in_no_figure_by_age()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var communeId = await db.Villages.Where(v => v.Code == "T05").Select(v => v.CommuneId).SingleAsync();
        var before = await DashboardQueries.YearAsync(db, communeId, 2026);

        var id = await _households.SaveAsync(new HouseholdForm { VillageId = await app.VillageIdAsync("T05"), HeadName = "Vi Văn Chưa" });
        var after = await DashboardQueries.YearAsync(db, communeId, 2026);
        Assert.Equal(before.For(Title.FamilyLearning).Counts.Total + 1, after.For(Title.FamilyLearning).Counts.Total);
        // Công dân học tập counts people aged 15 or over: a head whose birth year nobody entered is not one of them.
        Assert.Equal(before.For(Title.CitizenLearning).Counts.Total, after.For(Title.CitizenLearning).Counts.Total);

        // Once the birth year is entered, the head counts.
        var head = (await _households.GetAsync(id)).Members.Single();
        var form = await _households.GetPersonAsync(head.Id);
        form.Sex = Sex.Male;
        form.BirthYear = 1975;
        await _households.SavePersonAsync(form);
        var filled = await DashboardQueries.YearAsync(db, communeId, 2026);
        Assert.Equal(before.For(Title.CitizenLearning).Counts.Total + 1, filled.For(Title.CitizenLearning).Counts.Total);
        Assert.Single((await _households.GetAsync(id)).Members);
    }

    [Fact]
    public async Task A_person_added_without_education_reads_chua_nhap_not_chua_di_hoc()
    {
        var id = await app.AddHouseholdAsync("T04", "Tô Văn Nhà");
        await _households.SavePersonAsync(new PersonForm { HouseholdId = id, FullName = "Tô Thị Con", Sex = Sex.Female, BirthYear = 2010, Relation = Relation.Child });
        var child = (await _households.GetAsync(id)).Members.Single(m => m.FullName == "Tô Thị Con");
        Assert.Equal(EducationLevel.NotEntered, child.Education);
        Assert.Equal("Chưa nhập", HocTapSuotDoi.Features.Registers.RegisterTexts.Text(child.Education));

        var detail = await _households.GetAsync(id);
        var members = _ctx.Render<HouseholdMembers>(p => p.Add(x => x.Detail, detail));
        var row = members.FindAll("#members-table tbody tr").Single(r => r.TextContent.Contains("Tô Thị Con"));
        Assert.Equal("chưa nhập", Assert.Single(row.QuerySelectorAll(".not-entered")).TextContent);
        Assert.DoesNotContain("Chưa đi học", row.TextContent);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
