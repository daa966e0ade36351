using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Registers.Excel;

// The stored search and sort keys, set as HouseholdService, ClanService and UnitService set them when saving one row.
internal static class NameKeys
{
    public static void Set(Household household)
    {
        household.HeadNameSearch = VietnameseText.SearchKey(household.HeadName);
        household.HeadNameSort = VietnameseText.SortKey(household.HeadName);
        household.HeadGivenNameSort = VietnameseText.GivenNameSortKey(household.HeadName);
    }

    public static void Set(Person person)
    {
        person.FullNameSearch = VietnameseText.SearchKey(person.FullName);
        person.FullNameSort = VietnameseText.SortKey(person.FullName);
        person.GivenNameSort = VietnameseText.GivenNameSortKey(person.FullName);
    }

    public static void Set(Clan clan) => clan.NameSearch = VietnameseText.SearchKey(clan.Name);

    public static void Set(Data.Unit unit) => unit.NameSearch = VietnameseText.SearchKey(unit.Name);
}
