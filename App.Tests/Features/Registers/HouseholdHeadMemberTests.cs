using Bunit;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.Registers;

// What nobody filled reads "chưa nhập", never a default that looks like an answer.
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
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<VnClock>());
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
        await _scope.DisposeAsync();
    }
}
