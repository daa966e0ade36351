using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Villages;

namespace HocTapSuotDoi.Features.Registers;

// The population of a year is what existed on 31/12 of that year (DOMAIN §4.8, "Denominators are year-true"): a
// household, person, village or unit counts in year Y when it was there by 31/12/Y (ActiveFrom empty means "before the
// app", as for a register imported from Excel) and had not left by then (moved away, split, died, merged or closed on a
// later date, or still there). So marking a household "Chuyển đi" in 2026 leaves 2024 as it was, a household or village
// founded in 2026 does not enter 2024, and a closed year keeps its figures whatever happens to today's registers.
public static class YearRule
{
    public const string Text = "Tổng số của một năm là các hộ, nhân khẩu, thôn và đơn vị có trong sổ theo dõi vào ngày 31/12 của năm đó " +
        "(năm đang thực hiện: đến hôm nay); hộ chuyển đi, tách hộ, người mất từ năm sau vẫn được tính cho năm trước; " +
        "thôn đã sáp nhập vẫn có số liệu riêng của các năm trước khi sáp nhập; dòng họ được tính trong năm khi còn hộ thành viên có trong sổ.";

    public static DateOnly EndOf(int year) => new(year, 12, 31);

    public static IQueryable<Household> ExistingIn(this IQueryable<Household> households, int year)
    {
        var end = EndOf(year);
        return households.Where(h => (h.ActiveFrom == null || h.ActiveFrom <= end)
            && (h.Status == HouseholdStatus.Resident || (h.StatusDate != null && h.StatusDate > end)));
    }

    public static IQueryable<Person> ExistingIn(this IQueryable<Person> people, int year)
    {
        var end = EndOf(year);
        return people.Where(p => (p.ActiveFrom == null || p.ActiveFrom <= end) && (p.BirthYear == null || p.BirthYear <= year)
            && (p.Status == PersonStatus.Living || (p.StatusDate != null && p.StatusDate > end))
            && (p.Household!.ActiveFrom == null || p.Household.ActiveFrom <= end)
            && (p.Household.Status == HouseholdStatus.Resident || (p.Household.StatusDate != null && p.Household.StatusDate > end)));
    }

    // A village founded or split off on a date (Village.ActiveFrom) counts from that date's year; one merged into another
    // (Village.ActiveTo) counts in the years before the merge date's year end.
    public static IQueryable<Village> ExistingIn(this IQueryable<Village> villages, int year)
    {
        var end = EndOf(year);
        return villages.Where(v => (v.ActiveFrom == null || v.ActiveFrom <= end) && (v.Active || (v.ActiveTo != null && v.ActiveTo > end)));
    }

    // The village a household belonged to on 31/12 of a year is the village it left by its first move after that day
    // (a village merge: HouseholdVillageChange), else the village it is in now. Queries write it inline (EF translates
    // it as a subquery): changes.Where(c => c.HouseholdId == h.Id && c.On > end).OrderBy(c => c.On)
    // .Select(c => (int?)c.FromVillageId).FirstOrDefault() ?? h.VillageId.
    // The households of a village in the register on 31/12 of a year, placed by that rule.
    public static IQueryable<Household> OfVillageIn(this IQueryable<Household> households, AppDbContext db, int villageId, int year)
    {
        var end = EndOf(year);
        return households.ExistingIn(year).Where(h => (db.Set<HouseholdVillageChange>().Where(c => c.HouseholdId == h.Id && c.On > end)
            .OrderBy(c => c.On).Select(c => (int?)c.FromVillageId).FirstOrDefault() ?? h.VillageId) == villageId);
    }

    // Whether any household changed village after 31/12 of the year; only then must a year's figures look villages up.
    public static Task<bool> AnyVillageChangeAfterAsync(AppDbContext db, int year, CancellationToken ct = default)
    {
        var end = EndOf(year);
        return db.Set<HouseholdVillageChange>().AnyAsync(c => c.On > end, ct);
    }

    // A clan has no date of its own: it counts in year Y when one of its member households did, so a clan whose
    // households had all moved away by 31/12/Y is gone from that year, as it is from each village's figures. A clan with
    // no member households yet (typed in before its members) counts.
    public static IQueryable<Clan> ExistingIn(this IQueryable<Clan> clans, IQueryable<Household> households, int year)
    {
        var existing = households.ExistingIn(year).Select(h => h.Id);
        return clans.Where(c => !c.Members.Any() || c.Members.Any(m => existing.Contains(m.HouseholdId)));
    }

    public static IQueryable<Unit> ExistingIn(this IQueryable<Unit> units, int year)
    {
        var end = EndOf(year);
        return units.Where(u => (u.ActiveFrom == null || u.ActiveFrom <= end) && (u.Active || (u.ActiveTo != null && u.ActiveTo > end)));
    }
}
