namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>A figure the app computes from its own data and hands to the engine as a percentage.</summary>
public sealed record ComputedInputKey(string Key, string Label);

/// <summary>The figures a computed item may refer to; the app must supply each one it uses.</summary>
public static class ComputedInputKeys
{
    public static readonly ComputedInputKey ClanMemberHouseholdsFamilyLearningRate =
        new("clan.member_households_gdht_rate", "Tỷ lệ hộ thành viên đạt GĐHT");

    public static readonly ComputedInputKey VillageHouseholdsFamilyLearningRate =
        new("village.households_gdht_rate", "Tỷ lệ hộ gia đình trong thôn đạt GĐHT");

    public static readonly ComputedInputKey VillageClansClanLearningRate =
        new("village.clans_dhht_rate", "Tỷ lệ dòng họ trong thôn đạt DHHT");

    public static readonly ComputedInputKey VillageAdultsLearningCentreRate =
        new("village.adults_cls_participation_rate", "Tỷ lệ người lớn tham gia hoạt động của TTHTCĐ");

    public static readonly ComputedInputKey UnitStaffCitizenLearningRate =
        new("unit.staff_cdht_rate", "Tỷ lệ thành viên của đơn vị đạt CDHT");

    public static readonly ComputedInputKey CommuneHouseholdsFamilyLearningRate =
        new("commune.households_gdht_rate", "Tỷ lệ hộ gia đình trong xã đạt GĐHT");

    public static readonly ComputedInputKey CommuneClansClanLearningRate =
        new("commune.clans_dhht_rate", "Tỷ lệ dòng họ trong xã đạt DHHT");

    public static readonly ComputedInputKey CommuneVillagesCommunityRate =
        new("commune.villages_cdht_rate", "Tỷ lệ thôn đạt Cộng đồng học tập");

    public static readonly ComputedInputKey CommuneUnitsUnitLearningRate =
        new("commune.units_dvht_rate", "Tỷ lệ đơn vị đạt ĐVHT");

    public static readonly ComputedInputKey CommuneAdultsCitizenLearningRate =
        new("commune.adults_cdht_rate", "Tỷ lệ người lớn đạt CDHT");

    public static IReadOnlyList<ComputedInputKey> All { get; } =
    [
        ClanMemberHouseholdsFamilyLearningRate, VillageHouseholdsFamilyLearningRate, VillageClansClanLearningRate,
        VillageAdultsLearningCentreRate, UnitStaffCitizenLearningRate, CommuneHouseholdsFamilyLearningRate,
        CommuneClansClanLearningRate, CommuneVillagesCommunityRate, CommuneUnitsUnitLearningRate,
        CommuneAdultsCitizenLearningRate,
    ];

    public static ComputedInputKey? Find(string key) => All.FirstOrDefault(k => k.Key == key);

    public static string LabelOf(string key) => Find(key)?.Label ?? key;
}
