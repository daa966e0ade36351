using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Targets;

public enum TargetLevel
{
    National = 1,
    Provincial = 2,
    Commune = 3,
}

// What a target measures (DOMAIN.md §5). Always a share of ALL subjects, not of the registered ones.
public enum TargetIndicator
{
    FamilyLearningHouseholds = 1,
    ClanLearningClans = 2,
    VillageCommunityVillages = 3,
    UnitLearningUnits = 4,
    CitizenLearningCitizens = 5,
    CitizenLearningAdultsInModels = 6,
    CitizenLearningUnitStaff = 7,
}

// A target (chỉ tiêu): the share to reach by the end of a year range, at one level. A provincial target overrides the
// national one for the communes of that province, a commune target overrides both.
public class Target : AuditedEntity
{
    public int Id { get; set; }
    public TargetLevel Level { get; set; }
    public int? ProvinceId { get; set; }
    public int? CommuneId { get; set; }
    public TargetIndicator Indicator { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    // Tenths of a percent (700 = 70,0 %): integers compare and sum exactly in SQLite.
    public int PercentTenths { get; set; }
    public string Source { get; set; } = "";
    // False for figures DOMAIN.md marks [V]: shown as "chưa đối chiếu".
    public bool Checked { get; set; }
    public string Note { get; set; } = "";
}

public static class TargetIndicators
{
    public static readonly IReadOnlyList<TargetIndicator> All = Enum.GetValues<TargetIndicator>();

    public static string DisplayName(this TargetIndicator indicator) => indicator switch
    {
        TargetIndicator.FamilyLearningHouseholds => "Hộ gia đình đạt Gia đình học tập",
        TargetIndicator.ClanLearningClans => "Dòng họ đạt Dòng họ học tập",
        TargetIndicator.VillageCommunityVillages => "Thôn đạt Cộng đồng học tập",
        TargetIndicator.UnitLearningUnits => "Đơn vị đạt Đơn vị học tập",
        TargetIndicator.CitizenLearningCitizens => "Công dân đạt Công dân học tập",
        TargetIndicator.CitizenLearningAdultsInModels => "Người lớn trong GĐHT/DHHT/CĐHT đạt Công dân học tập",
        TargetIndicator.CitizenLearningUnitStaff => "Cán bộ, người lao động của ĐVHT đạt Công dân học tập",
        _ => indicator.ToString(),
    };

    // The indicator the dashboard measures each title against (the other two need data the registers do not hold yet).
    public static TargetIndicator? ForTitle(Title title) => title switch
    {
        Title.FamilyLearning => TargetIndicator.FamilyLearningHouseholds,
        Title.ClanLearning => TargetIndicator.ClanLearningClans,
        Title.VillageCommunity => TargetIndicator.VillageCommunityVillages,
        Title.UnitLearning => TargetIndicator.UnitLearningUnits,
        Title.CitizenLearning => TargetIndicator.CitizenLearningCitizens,
        _ => null,
    };

    public static string DisplayName(this TargetLevel level) => level switch
    {
        TargetLevel.National => "Trung ương",
        TargetLevel.Provincial => "Tỉnh",
        TargetLevel.Commune => "Xã",
        _ => level.ToString(),
    };
}

public sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> e)
    {
        e.ToTable("Targets");
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Indicator).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Source).HasMaxLength(300);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.Indicator, x.Level, x.FromYear });
    }
}
