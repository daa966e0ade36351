using Bunit;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

// What nobody filled reads "chưa nhập", never a default that looks like an answer.
[Collection(AppCollection.Name)]
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
    public async Task A_person_added_without_education_reads_chua_nhap_not_chua_di_hoc()
    {
        var id = await app.AddHouseholdAsync("T04", "Tô Văn Nhà");
        await _households.SavePersonAsync(new PersonForm { HouseholdId = id, FullName = "Tô Thị Con", Sex = Sex.Female, BirthYear = 2010, Relation = Relation.Child });
        var child = (await _households.GetAsync(id)).Members.Single(m => m.FullName == "Tô Thị Con");
        Assert.Equal(EducationLevel.NotEntered, child.Education);
        Assert.Equal("Chưa nhập", HocTapSuotDoi.Features.Registers.RegisterTexts.Text(child.Education));

        var detail = await _households.GetAsync(id);
        var members = _ctx.Render<HouseholdMembers>(p => p.Add(x => x.Detail, detail));
        var row = members.Find("#members-table tbody tr");
        Assert.Equal("chưa nhập", Assert.Single(row.QuerySelectorAll(".not-entered")).TextContent);
        Assert.DoesNotContain("Chưa đi học", row.TextContent);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
