namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>The titles (danh hiệu) a criteria set can award.</summary>
public enum Title
{
    FamilyLearning,
    ClanLearning,
    VillageCommunity,
    CommuneCommunity,
    UnitLearning,
    CitizenLearning,
}

public static class TitleExtensions
{
    public static string DisplayName(this Title title) => title switch
    {
        Title.FamilyLearning => "Gia đình học tập",
        Title.ClanLearning => "Dòng họ học tập",
        Title.VillageCommunity => "Cộng đồng học tập cấp thôn",
        Title.CommuneCommunity => "Cộng đồng học tập cấp xã",
        Title.UnitLearning => "Đơn vị học tập",
        Title.CitizenLearning => "Công dân học tập",
        _ => throw new ArgumentOutOfRangeException(nameof(title), title, null),
    };
}
