using Bunit;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.Registers;

// The head typed on the household form is the household's first member; what nobody filled reads "chưa nhập".
[Collection(AppCollection.Name)]
public sealed class HouseholdHeadMemberTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private AsyncServiceScope _scope;
    private HouseholdService _households = default!;

    public async Task InitializeAsync()
    {
        _scope = await app.AsUserAsync("admin@camtan.vn");
        _households = _scope.ServiceProvider.GetRequiredService<HouseholdService>();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_households);
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
        // The edit form asks for the sex rather than showing one, and shows the education as not entered.
        var form = await _households.GetPersonAsync(head.Id);
        Assert.Null(form.Sex);
        Assert.Equal(EducationLevel.NotEntered, form.Education);
    }

    [Fact]
    public async Task Adding_the_same_head_as_a_member_fills_the_first_member_in_and_a_renamed_head_renames_it()
    {
        var id = await app.AddHouseholdAsync("T04", "Lã Văn Điền", ("Lã Văn Điền", Sex.Male, 1968, Relation.Head), ("Mạc Thị Vợ", Sex.Female, 1970, Relation.Spouse));
        var members = (await _households.GetAsync(id)).Members;
        Assert.Equal(2, members.Count);
        Assert.Equal(("Lã Văn Điền", Sex.Male, "1968"), (members[0].FullName, members[0].Sex, members[0].Birth));

        var form = (await _households.GetAsync(id)).Form;
        form.HeadName = "Lã Văn Điển";
        await _households.SaveAsync(form);
        Assert.Equal("Lã Văn Điển", (await _households.GetAsync(id)).Members[0].FullName);
    }

    [Fact]
    public async Task A_person_added_without_education_reads_chua_nhap_not_chua_di_hoc()
    {
        var id = await app.AddHouseholdAsync("T04", "Tô Văn Nhà");
        await _households.SavePersonAsync(new PersonForm { HouseholdId = id, FullName = "Tô Thị Con", Sex = Sex.Female, BirthYear = 2010, Relation = Relation.Child });
        var child = (await _households.GetAsync(id)).Members.Single(m => m.FullName == "Tô Thị Con");
        Assert.Equal(EducationLevel.NotEntered, child.Education);
        Assert.Equal("Chưa nhập", HocTapSuotDoi.Features.Registers.RegisterTexts.Text(child.Education));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
