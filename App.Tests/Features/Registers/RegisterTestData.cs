using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

// Households made through the real service, as the administrator.
public static class RegisterTestData
{
    public static async Task<int> VillageIdAsync(this AppFactory app, string code)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Villages.Where(v => v.Code == code).Select(v => v.Id).SingleAsync();
    }

    public static async Task<int> AddHouseholdAsync(this AppFactory app, string villageCode, string head, params (string Name, Sex Sex, int Year, Relation Relation)[] members) =>
        await app.AddHouseholdAsync(villageCode, head, confirm: false, members);

    // confirm: answer "Vẫn lưu" if a household of a near-identical name is in the village.
    public static async Task<int> AddHouseholdAsync(this AppFactory app, string villageCode, string head, bool confirm, params (string Name, Sex Sex, int Year, Relation Relation)[] members)
    {
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var id = await households.SaveAsync(new HouseholdForm
        {
            VillageId = await app.VillageIdAsync(villageCode), HeadName = head, Address = "Xóm 1", ConfirmedSimilarName = confirm ? head : null,
        });
        foreach (var (name, sex, year, relation) in members)
        {
            await households.SavePersonAsync(new PersonForm { HouseholdId = id, FullName = name, Sex = sex, BirthYear = year, Relation = relation });
        }
        return id;
    }
}
