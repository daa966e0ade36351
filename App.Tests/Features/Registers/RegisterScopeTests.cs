using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Units;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

// canbo@camtan.vn is a scorer for villages T01 and T02 only.
public sealed class RegisterScopeTests(RegisterScopeTests.Data data) : IClassFixture<RegisterScopeTests.Data>
{
    public sealed class Data : AppFactory, IAsyncLifetime
    {
        public int Mine { get; private set; }
        public int Other { get; private set; }
        public int OtherPerson { get; private set; }

        public async Task InitializeAsync()
        {
            Mine = await this.AddHouseholdAsync("T01", "Nguyễn Văn Mạnh", ("Nguyễn Văn Mạnh", Sex.Male, 1970, Relation.Head));
            Other = await this.AddHouseholdAsync("T03", "Trần Thị Lụa", ("Trần Thị Lụa", Sex.Female, 1975, Relation.Head));
            await using var scope = await this.AsUserAsync("admin@camtan.vn");
            OtherPerson = (await scope.ServiceProvider.GetRequiredService<HouseholdService>().GetAsync(Other)).Members.Single().Id;
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private async Task<T> As<T>(string email, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await data.AsUserAsync(email);
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task Scorer_lists_only_the_households_and_people_of_their_villages()
    {
        var rows = await As("canbo@camtan.vn", sp => sp.GetRequiredService<HouseholdService>().ListAsync(new HouseholdQuery(), new PageRequest(0, 100)));
        Assert.Contains(rows.Items, r => r.Id == data.Mine);
        Assert.DoesNotContain(rows.Items, r => r.Id == data.Other);
        Assert.All(rows.Items, r => Assert.Contains(r.Village, new[] { "Thôn Tân Hòa", "Thôn Tân Thành" }));

        var filtered = await As("canbo@camtan.vn", async sp => await sp.GetRequiredService<HouseholdService>()
            .ListAsync(new HouseholdQuery(VillageId: await data.VillageIdAsync("T03")), new PageRequest()));
        Assert.Equal(0, filtered.Total);

        var people = await As("canbo@camtan.vn", sp => sp.GetRequiredService<PeopleService>().ListAsync(new PersonQuery("tran thi lua"), new PageRequest()));
        Assert.Equal(0, people.Total);
        var villages = await As("canbo@camtan.vn", sp => sp.GetRequiredService<VillageService>().ChoicesAsync());
        Assert.Equal(["Thôn Tân Hòa", "Thôn Tân Thành"], villages.Select(v => v.Name));
    }

    [Fact]
    public async Task Scorer_cannot_open_or_edit_another_villages_household_by_id()
    {
        await using var scope = await data.AsUserAsync("canbo@camtan.vn");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var t01 = await data.VillageIdAsync("T01");
        var t03 = await data.VillageIdAsync("T03");
        var open = await Assert.ThrowsAsync<ForbiddenException>(() => households.GetAsync(data.Other));
        Assert.Equal(UserMessages.NotInScope, open.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => households.SaveAsync(new HouseholdForm
        {
            Id = data.Other, Version = 1, VillageId = t01, HeadName = "Đổi Tên",
        }));
        await Assert.ThrowsAsync<ForbiddenException>(() => households.SaveAsync(new HouseholdForm
        {
            VillageId = t03, HeadName = "Hộ Mới Ngoài Phạm Vi",
        }));
        await Assert.ThrowsAsync<ForbiddenException>(() => households.SavePersonAsync(new PersonForm
        {
            HouseholdId = data.Other, FullName = "Người Lạ Mặt", Sex = Sex.Male, BirthYear = 1990, Relation = Relation.Child,
        }));
        await Assert.ThrowsAsync<ForbiddenException>(() => households.GetPersonAsync(data.OtherPerson));
        await Assert.ThrowsAsync<ForbiddenException>(() => households.ChangeStatusAsync(new StatusForm
        {
            Id = data.Other, Version = 1, Status = (int)HouseholdStatus.MovedAway, Date = data.Today.ToDateTime(TimeOnly.MinValue),
        }));
        await Assert.ThrowsAsync<ForbiddenException>(() => households.HistoryAsync(data.Other));

        var admin = await As("admin@camtan.vn", sp => sp.GetRequiredService<HouseholdService>().GetAsync(data.Other));
        Assert.Equal("Trần Thị Lụa", admin.Form.HeadName);
    }

    [Fact]
    public async Task Scorer_edits_a_household_of_their_own_village()
    {
        await using var scope = await data.AsUserAsync("canbo@camtan.vn");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var detail = await households.GetAsync(data.Mine);
        Assert.True(detail.CanEdit);
        detail.Form.Phone = "0912 345 678";
        await households.SaveAsync(detail.Form);
        var after = await households.GetAsync(data.Mine);
        Assert.Equal("0912 345 678", after.Form.Phone);
        Assert.Equal("canbo@camtan.vn", after.UpdatedBy);
    }

    [Theory]
    [InlineData("bcd@camtan.vn")]
    [InlineData("xem@camtan.vn")]
    public async Task Committee_and_viewers_read_everything_but_change_nothing(string email)
    {
        await using var scope = await data.AsUserAsync(email);
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var detail = await households.GetAsync(data.Other);
        Assert.False(detail.CanEdit);
        await Assert.ThrowsAsync<ForbiddenException>(() => households.SaveAsync(detail.Form));
    }

    [Fact]
    public async Task Unit_reporter_sees_only_their_unit_and_no_household()
    {
        await using var scope = await data.AsUserAsync("donvi@camtan.vn");
        var units = await scope.ServiceProvider.GetRequiredService<UnitService>().ListAsync();
        Assert.Equal("Trường THCS Cẩm Tân", Assert.Single(units).Name);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            scope.ServiceProvider.GetRequiredService<HouseholdService>().ListAsync(new HouseholdQuery(), new PageRequest()));
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<ClanService>().ListAsync());
    }

    [Fact]
    public async Task Unit_reporter_updates_the_contact_of_their_unit_but_not_its_name_nor_another_unit()
    {
        await using var scope = await data.AsUserAsync("donvi@camtan.vn");
        var units = scope.ServiceProvider.GetRequiredService<UnitService>();
        var mine = Assert.Single(await units.ListAsync());
        var form = await units.GetAsync(mine.Id);
        form.Name = "Tên Bị Đổi";
        form.Phone = "0237 3888 999";
        form.StaffCount = 42;
        await units.SaveAsync(form);
        var saved = await units.GetAsync(mine.Id);
        Assert.Equal("Trường THCS Cẩm Tân", saved.Name);
        Assert.Equal("0237 3888 999", saved.Phone);
        Assert.Equal(42, saved.StaffCount);

        var all = await As("admin@camtan.vn", sp => sp.GetRequiredService<UnitService>().ListAsync());
        var other = all.First(u => u.Id != mine.Id);
        await Assert.ThrowsAsync<ForbiddenException>(() => units.GetAsync(other.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => units.SaveAsync(new UnitForm { Id = other.Id, Code = "X", Name = "X", Version = 1 }));
    }
}
