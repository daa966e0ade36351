using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Targets;

namespace HocTapSuotDoi.Features.Dashboard;

// The counts behind every percentage: all subjects (the target's denominator) and the registered ones.
// AwaitingDecision: reviewed evaluations that meet the criteria and are in no decision yet ("đạt tiêu chí, chờ quyết định").
public sealed record SubjectCounts(int Total, int Registered, int Evaluated, int Recognised, int AwaitingDecision = 0)
{
    public static readonly SubjectCounts Zero = new(0, 0, 0, 0);

    // False for figures entered from a past report that gave no registered count: Registered (and Evaluated) are then
    // not facts, and a document prints "—" for them.
    public bool RegisteredKnown { get; init; } = true;

    public decimal? PercentOfAll => VnPercent.Of(Recognised, Total);
    public decimal? PercentOfRegistered => VnPercent.Of(Recognised, Registered);
    public decimal? PercentAgainst(EffectiveTarget? target) => VnPercent.Against(Recognised, Total, target?.Percent);
    public int LeftToScore => Registered - Evaluated;

    public SubjectCounts Plus(SubjectCounts other) =>
        new(Total + other.Total, Registered + other.Registered, Evaluated + other.Evaluated, Recognised + other.Recognised,
            AwaitingDecision + other.AwaitingDecision) { RegisteredKnown = RegisteredKnown && other.RegisteredKnown };
}

public enum TargetStatus
{
    NoTarget = 0,
    NoSubjects = 1,
    Met = 2,
    Near = 3,
    NotMet = 4,
    // The year's decisions are not due yet: below the target is progress, not a failure.
    InProgress = 5,
    NotStarted = 6,
}

// Where a year stands against today: recognition is at year end, so a year is judged against its target only once its
// decisions are due (YearProgress.DecisionsDue).
public enum YearStage
{
    Closed = 0,
    InProgress = 1,
    NotStarted = 2,
}

public static class YearProgress
{
    // Titles are recognised at year end (DOMAIN.md §3, §6): the year's decisions are due on its 31/12.
    public static DateOnly DecisionsDue(int year) => new(year, 12, 31);

    public static YearStage StageOn(int year, DateOnly today) =>
        today.Year < year ? YearStage.NotStarted : today <= DecisionsDue(year) ? YearStage.InProgress : YearStage.Closed;
}

public sealed record TitleFigures(Title Title, SubjectCounts Counts, EffectiveTarget? Target, TargetStatus Status, int Gap)
{
    // Entered from the year's own report (PastYearOverlay), not counted from the registers.
    public bool Entered { get; init; }

    public string GapText => Gap == 0 ? "" : Status is TargetStatus.InProgress or TargetStatus.NotStarted
        ? $"còn cần {Figures.Number(Gap)} {Figures.SubjectNoun(Title)}"
        : $"cần thêm {Figures.Number(Gap)} {Figures.SubjectNoun(Title)}";
}

public sealed record VillageFigures(int VillageId, string Code, string Name, SubjectCounts Households, SubjectCounts People, SubjectCounts Community);

public sealed record TargetGroupFigures(CitizenGroup Group, SubjectCounts Counts);

public sealed record YearFigures(int Year, IReadOnlyList<TitleFigures> Titles, IReadOnlyList<VillageFigures> Villages, IReadOnlyList<TargetGroupFigures> TargetGroups)
{
    // Figures entered from the year's own reports (a year before the app), with their sources.
    public bool Entered { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public YearStage Stage { get; init; } = YearStage.Closed;
    // Of an entered year, the village figures entered village by village; the app has no registration that year, so
    // its own counts of the other villages, and of the target groups, are zeros, not facts.
    public IReadOnlySet<(int VillageId, Title Title)> EnteredByVillage { get; init; } = new HashSet<(int, Title)>();

    public TitleFigures For(Title title) => Titles.Single(t => t.Title == title);

    // A village's figures for a title, or null where the year's figures were entered for the whole commune only.
    public SubjectCounts? VillageCounts(VillageFigures village, Title title)
    {
        var counts = title switch
        {
            Title.FamilyLearning => village.Households,
            Title.CitizenLearning => village.People,
            _ => village.Community,
        };
        return !Entered || EnteredByVillage.Contains((village.VillageId, title)) ? counts : null;
    }

    // The same figures judged on a day: before the year's decisions are due, a title below its target is in progress.
    public YearFigures AsOf(DateOnly today)
    {
        var stage = YearProgress.StageOn(Year, today);
        var status = stage == YearStage.NotStarted ? TargetStatus.NotStarted : TargetStatus.InProgress;
        return stage == YearStage.Closed ? this with { Stage = stage } : this with
        {
            Stage = stage,
            Titles = Titles.Select(t => t.Status is TargetStatus.Near or TargetStatus.NotMet ? t with { Status = status } : t).ToList(),
        };
    }

    // The light of a village cell: only a closed year is judged against the target.
    public TargetStatus Assess(SubjectCounts counts, Title title)
    {
        var (status, _) = Figures.Assess(counts, For(title).Target);
        return Stage != YearStage.Closed && status is TargetStatus.Near or TargetStatus.NotMet ? TargetStatus.InProgress : status;
    }
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
        TargetStatus.InProgress => "Năm đang thực hiện",
        TargetStatus.NotStarted => "Năm chưa bắt đầu",
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

    // The dashboard shows an unchecked target with a chip beside this text; a document has no chip, so it asks for the
    // words inside the brackets: "75,00 % (đến 2030, trung ương; chưa đối chiếu với kế hoạch của tỉnh)".
    public static string TargetText(EffectiveTarget? target, bool sayUnchecked = false) =>
        target is null ? "Chưa có chỉ tiêu"
            : $"{VnPercent.Format(target.Percent)} (đến {target.ToYear}, {target.Level.DisplayName().ToLower(Vi)}{(sayUnchecked && !target.Checked ? $"; {UncheckedTarget.ToLower(Vi)} với kế hoạch của tỉnh" : "")})";

    public const string UncheckedTarget = "Chưa đối chiếu";
}
