using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Features.Dashboard;

// A percentage cell: text "72,50 %" in the .docx and the preview (VnPercent), the number 72.5 in the .xlsx.
public readonly record struct Pct(decimal? Value);

// The report's tables as rows of cells (string, int or Pct), shared by the .docx, the .xlsx and the preview, so the
// three cannot differ.
public static class ReportTables
{
    public static readonly string[] TitleHeader =
        ["Danh hiệu", "Tổng số đối tượng", "Đăng ký", "Đã đánh giá", "Công nhận", "% trên tổng số", "% trên số đăng ký"];

    public static IEnumerable<object[]> TitleRows(YearFigures f) => f.Titles.Select(t => new object[]
    {
        $"{t.Title.DisplayName()} ({Figures.SubjectNoun(t.Title)})", t.Counts.Total, Registered(t.Counts), Evaluated(t.Counts), t.Counts.Recognised,
        new Pct(t.Counts.PercentOfAll), new Pct(t.Counts.PercentOfRegistered),
    });

    // A figure nobody entered is not printed as a zero.
    private const string NotEntered = "—";

    private static object Registered(SubjectCounts c) => c.RegisteredKnown ? c.Registered : NotEntered;

    private static object Evaluated(SubjectCounts c) => c.RegisteredKnown ? c.Evaluated : NotEntered;

    public static readonly string[] VillageHeader =
        ["Thôn", "Số hộ", "Hộ đăng ký GĐHT", "Hộ đạt GĐHT", "GĐHT: % trên tổng số hộ", "GĐHT: % trên số hộ đăng ký",
         $"Số người từ {Scoring.CitizenAge.Minimum} tuổi trở lên", "CDHT đạt", "CDHT: % trên tổng số người", "CDHT: % trên số người đăng ký", "CĐHT cấp thôn"];

    public static IEnumerable<object[]> VillageRows(YearFigures f)
    {
        foreach (var v in f.Villages)
        {
            yield return Village(v.Name, f.VillageCounts(v, Title.FamilyLearning), f.VillageCounts(v, Title.CitizenLearning),
                f.VillageCounts(v, Title.VillageCommunity) switch
                {
                    null => NotEntered,
                    { Recognised: > 0 } => "Đạt",
                    { Registered: > 0 } when f.Stage != YearStage.Closed => "Chưa công nhận",
                    { Registered: > 0 } => "Chưa đạt",
                    _ => "Chưa đăng ký",
                });
        }
        // An entered year's total is the commune's entered figure, as in the title table: the villages may have none.
        var households = f.Entered ? f.For(Title.FamilyLearning).Counts : f.Villages.Aggregate(SubjectCounts.Zero, (a, v) => a.Plus(v.Households));
        var people = f.Entered ? f.For(Title.CitizenLearning).Counts : f.Villages.Aggregate(SubjectCounts.Zero, (a, v) => a.Plus(v.People));
        var community = f.Entered ? f.For(Title.VillageCommunity).Counts : f.Villages.Aggregate(SubjectCounts.Zero, (a, v) => a.Plus(v.Community));
        yield return Village("Cộng", households, people, $"{community.Recognised}/{community.Total} thôn");
    }

    private static object[] Village(string name, SubjectCounts? h, SubjectCounts? p, string community) =>
        [name, .. Households(h), .. People(p), community];

    private static object[] Households(SubjectCounts? h) => h is null
        ? [NotEntered, NotEntered, NotEntered, NotEntered, NotEntered]
        : [h.Total, Registered(h), h.Recognised, new Pct(h.PercentOfAll), new Pct(h.PercentOfRegistered)];

    private static object[] People(SubjectCounts? p) => p is null
        ? [NotEntered, NotEntered, NotEntered, NotEntered]
        : [p.Total, p.Recognised, new Pct(p.PercentOfAll), new Pct(p.PercentOfRegistered)];

    // Under the village table of an entered year, which has figures for the whole commune and perhaps a few villages.
    // The dashboard's table has no "Cộng" row (totalRow: false).
    public static string? VillageNote(YearFigures f, bool totalRow = true) => !f.Entered ? null : (f.EnteredByVillage.Count == 0
        ? $"Số liệu năm {f.Year} được nhập theo tổng số toàn xã, không có số liệu riêng của từng thôn (ô “—”)"
        : $"Số liệu năm {f.Year} được nhập theo tổng số toàn xã và cho một số thôn; ô “—”: thôn không có số liệu riêng")
        + (totalRow ? "; dòng “Cộng” là số liệu toàn xã, như bảng tổng hợp theo danh hiệu." : ".");

    public static string? GroupNote(YearFigures f) => f.Entered
        ? $"Số liệu năm {f.Year} được nhập theo tổng số toàn xã, không có số liệu theo nhóm đối tượng (ô “—”)."
        : null;

    // The rule behind the "tổng số" of Công dân học tập, printed under the tables that use it.
    // Years before the app are figures entered from their own reports: the report says so, with the sources.
    public static IEnumerable<string> EnteredNotes(params YearFigures[] years) => years.Where(y => y.Entered).OrderBy(y => y.Year)
        .Select(y => EnteredNote(y.Year, y.Sources));

    public static string EnteredNote(int year, IEnumerable<string> sources) =>
        $"- Số liệu năm {year} là số liệu nhập từ báo cáo của năm đó (nguồn: {string.Join("; ", sources)}).";

    public static string CitizenTotalNote(int year) => $"Tổng số đối tượng Công dân học tập: {Scoring.CitizenAge.Rule(year)}.";

    public static readonly string[] GroupHeader = ["Nhóm đối tượng", "Số người", "Đăng ký", "Công nhận", "% trên tổng số", "% trên số đăng ký"];

    // Past reports give no figures by target group: an entered year has none to print.
    public static IEnumerable<object[]> GroupRows(YearFigures f) => f.TargetGroups.Select(g => f.Entered
        ? new object[] { Figures.GroupName(g.Group), NotEntered, NotEntered, NotEntered, NotEntered, NotEntered }
        : [Figures.GroupName(g.Group), g.Counts.Total, g.Counts.Registered, g.Counts.Recognised, new Pct(g.Counts.PercentOfAll), new Pct(g.Counts.PercentOfRegistered)]);

    public static string[] ComparisonHeader(int year) =>
        ["Danh hiệu", "Chỉ tiêu (% trên tổng số)", $"Năm {year}: % trên tổng số", $"Năm {year}: % trên số đăng ký", "Đánh giá", "Còn thiếu",
         $"Năm {year - 1}: % trên tổng số", "Tăng (+) / giảm (−), điểm %"];

    // The target is named as the dashboard names it (its year and level), and an unchecked one says so: the verdict
    // beside it may be against the 2030 figure or a default not yet matched to the province's plan.
    public static IEnumerable<object[]> ComparisonRows(YearFigures f, YearFigures previous) => f.Titles.Select(t =>
    {
        var last = previous.For(t.Title);
        // A year has a result when it had registrations, or figures entered from its report (perhaps without a registered count).
        var before = last.Entered || last.Counts.Registered > 0 ? last.Counts.PercentOfAll : null;
        var change = t.Counts.PercentOfAll is { } now && before is { } then ? VnPercent.Change(now - then) : "—";
        return new object[]
        {
            t.Title.DisplayName(), Figures.TargetText(t.Target, sayUnchecked: true), new Pct(t.Counts.PercentAgainst(t.Target)), new Pct(t.Counts.PercentOfRegistered),
            Figures.StatusText(t.Status), t.Gap > 0 ? $"{Figures.Number(t.Gap)} {Figures.SubjectNoun(t.Title)}" : "—",
            new Pct(before), change,
        };
    });

    // Under the comparison: each title below its target, with the target it is judged by.
    public static IEnumerable<string> VerdictNotes(YearFigures f) => f.Titles.Where(t => t.Status is TargetStatus.Near or TargetStatus.NotMet)
        .Select(t => $"- {t.Title.DisplayName()}: {Figures.StatusText(t.Status).ToLower(Figures.Vi)} chỉ tiêu {Figures.TargetText(t.Target, sayUnchecked: true)}, {t.GapText}.");

    public static readonly string[] ComplianceHeader = ["Hạn báo cáo", "Hạn nộp", "Phải nộp", "Đã nộp", "Đúng hạn", "Chưa nộp"];

    public static IEnumerable<object[]> ComplianceRows(ReportCompliance c) =>
        c.Deadlines.Select(d => new object[] { d.Name, d.DueOn, d.Expected, d.Submitted, d.OnTime, d.Missing });

    public static string Format(object? cell) => cell switch
    {
        int n => Figures.Number(n),
        Pct p => VnPercent.Format(p.Value),
        DateOnly d => VnTime.FormatDate(d),
        null => "—",
        _ => cell.ToString() ?? "",
    };
}
