using System.Globalization;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Targets;

namespace HocTapSuotDoi.Features.Dashboard;

// The counts behind every percentage: all subjects (the target's denominator) and the registered ones.
public sealed record SubjectCounts(int Total, int Registered, int Evaluated, int Recognised)
{
    public static readonly SubjectCounts Zero = new(0, 0, 0, 0);

    public decimal? PercentOfAll => Figures.Rate(Recognised, Total);
    public decimal? PercentOfRegistered => Figures.Rate(Recognised, Registered);
    public int LeftToScore => Registered - Evaluated;

    public SubjectCounts Plus(SubjectCounts other) =>
        new(Total + other.Total, Registered + other.Registered, Evaluated + other.Evaluated, Recognised + other.Recognised);
}

public enum TargetStatus
{
    NoTarget = 0,
    NoSubjects = 1,
    Met = 2,
    Near = 3,
    NotMet = 4,
}

public sealed record TitleFigures(Title Title, SubjectCounts Counts, EffectiveTarget? Target, TargetStatus Status, int Gap)
{
    public string GapText => Status is TargetStatus.Met or TargetStatus.NoTarget or TargetStatus.NoSubjects ? "" : $"cần thêm {Gap:N0} {Figures.SubjectNoun(Title)}";
}

public sealed record VillageFigures(int VillageId, string Code, string Name, SubjectCounts Households, SubjectCounts People, SubjectCounts Community);

public sealed record TargetGroupFigures(CitizenGroup Group, SubjectCounts Counts);

public sealed record YearFigures(int Year, IReadOnlyList<TitleFigures> Titles, IReadOnlyList<VillageFigures> Villages, IReadOnlyList<TargetGroupFigures> TargetGroups)
{
    // Figures entered from the year's own reports (a year before the app), with their sources.
    public bool Entered { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];

    public TitleFigures For(Title title) => Titles.Single(t => t.Title == title);
}

public sealed record TrendPoint(int Year, Title Title, SubjectCounts Counts, EffectiveTarget? Target)
{
    // Entered from the year's report (a year before the app), not counted from the registers.
    public bool Entered { get; init; }
    public string Source { get; init; } = "";
}

public static class Figures
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    // The titles the dashboard and the report follow, in the order of the plan.
    public static readonly IReadOnlyList<Title> Titles =
        [Title.FamilyLearning, Title.ClanLearning, Title.VillageCommunity, Title.UnitLearning, Title.CitizenLearning];

    // "Gần đạt": within this many percentage points below the target.
    public const decimal NearMarginPoints = 10m;

    public static decimal? Rate(int count, int outOf) => outOf == 0 ? null : Math.Round(100m * count / outOf, 1, MidpointRounding.AwayFromZero);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", Vi) + " %" : "—";

    public static string Number(int value) => value.ToString("N0", Vi);

    public static (TargetStatus Status, int Gap) Assess(SubjectCounts counts, EffectiveTarget? target)
    {
        if (target is null)
        {
            return (TargetStatus.NoTarget, 0);
        }
        if (counts.Total == 0)
        {
            return (TargetStatus.NoSubjects, 0);
        }
        // Subjects needed to reach the target, rounded up: 70 % of 1 001 households is 701.
        var needed = (int)((target.PercentTenths * (long)counts.Total + 999) / 1000);
        var gap = Math.Max(0, needed - counts.Recognised);
        if (gap == 0)
        {
            return (TargetStatus.Met, 0);
        }
        var percent = 100m * counts.Recognised / counts.Total;
        return (percent >= target.Percent - NearMarginPoints ? TargetStatus.Near : TargetStatus.NotMet, gap);
    }

    public static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Met => "Đạt",
        TargetStatus.Near => "Gần đạt",
        TargetStatus.NotMet => "Chưa đạt",
        TargetStatus.NoSubjects => "Không có đối tượng",
        _ => "Chưa có chỉ tiêu",
    };

    public static string SubjectNoun(Title title) => title switch
    {
        Title.FamilyLearning => "hộ",
        Title.ClanLearning => "dòng họ",
        Title.VillageCommunity => "thôn",
        Title.UnitLearning => "đơn vị",
        Title.CitizenLearning => "công dân",
        _ => "đối tượng",
    };

    public static string ShortName(Title title) => title switch
    {
        Title.FamilyLearning => "GĐHT",
        Title.ClanLearning => "DHHT",
        Title.VillageCommunity => "CĐHT thôn",
        Title.UnitLearning => "ĐVHT",
        Title.CitizenLearning => "CDHT",
        _ => title.DisplayName(),
    };

    public static string GroupName(CitizenGroup group) => group switch
    {
        CitizenGroup.FarmersAndRuralWorkers => "Nông dân, lao động nông thôn",
        CitizenGroup.IndustrialAndCraftWorkers => "Công nhân, lao động công nghiệp, thủ công",
        CitizenGroup.OfficialsAndIntellectuals => "Cán bộ, công chức, viên chức, trí thức",
        CitizenGroup.Other => "Nhóm khác",
        _ => "Chưa xếp nhóm",
    };

    public static string TargetText(EffectiveTarget? target) =>
        target is null ? "Chưa có chỉ tiêu" : $"{Percent(target.Percent)} (đến {target.ToYear}, {target.Level.DisplayName().ToLower(Vi)})";
}
