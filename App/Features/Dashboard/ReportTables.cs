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
        $"{t.Title.DisplayName()} ({Figures.SubjectNoun(t.Title)})", t.Counts.Total, t.Counts.Registered, t.Counts.Evaluated, t.Counts.Recognised,
        new Pct(t.Counts.PercentOfAll), new Pct(t.Counts.PercentOfRegistered),
    });

    public static readonly string[] VillageHeader =
        ["Thôn", "Số hộ", "Hộ đăng ký GĐHT", "Hộ đạt GĐHT", "GĐHT: % trên tổng số hộ", "GĐHT: % trên số hộ đăng ký",
         $"Số người từ {Scoring.CitizenAge.Minimum} tuổi trở lên", "CDHT đạt", "CDHT: % trên tổng số người", "CDHT: % trên số người đăng ký", "CĐHT cấp thôn"];

    public static IEnumerable<object[]> VillageRows(YearFigures f)
    {
        foreach (var v in f.Villages)
        {
            yield return Village(v.Name, v.Households, v.People, v.Community switch
            {
                { Recognised: > 0 } => "Đạt",
                { Registered: > 0 } when f.Stage != YearStage.Closed => "Chưa công nhận",
                { Registered: > 0 } => "Chưa đạt",
                _ => "Chưa đăng ký",
            });
        }
        var households = f.Villages.Aggregate(SubjectCounts.Zero, (a, v) => a.Plus(v.Households));
        var people = f.Villages.Aggregate(SubjectCounts.Zero, (a, v) => a.Plus(v.People));
        var community = f.Villages.Aggregate(SubjectCounts.Zero, (a, v) => a.Plus(v.Community));
        yield return Village("Cộng", households, people, $"{community.Recognised}/{community.Total} thôn");
    }

    private static object[] Village(string name, SubjectCounts h, SubjectCounts p, string community) =>
        [name, h.Total, h.Registered, h.Recognised, new Pct(h.PercentOfAll), new Pct(h.PercentOfRegistered),
         p.Total, p.Recognised, new Pct(p.PercentOfAll), new Pct(p.PercentOfRegistered), community];

    // The rule behind the "tổng số" of Công dân học tập, printed under the tables that use it.
    // Years before the app are figures entered from their own reports: the report says so, with the sources.
    public static IEnumerable<string> EnteredNotes(params YearFigures[] years) => years.Where(y => y.Entered).OrderBy(y => y.Year)
        .Select(y => $"- Số liệu năm {y.Year} là số liệu nhập từ báo cáo của năm đó (nguồn: {string.Join("; ", y.Sources)}).");

    public static string CitizenTotalNote(int year) => $"Tổng số đối tượng Công dân học tập: {Scoring.CitizenAge.Rule(year)}.";

    public static readonly string[] GroupHeader = ["Nhóm đối tượng", "Số người", "Đăng ký", "Công nhận", "% trên tổng số", "% trên số đăng ký"];

    public static IEnumerable<object[]> GroupRows(YearFigures f) => f.TargetGroups.Select(g => new object[]
    {
        Figures.GroupName(g.Group), g.Counts.Total, g.Counts.Registered, g.Counts.Recognised, new Pct(g.Counts.PercentOfAll), new Pct(g.Counts.PercentOfRegistered),
    });

    public static string[] ComparisonHeader(int year) =>
        ["Danh hiệu", "Chỉ tiêu (% trên tổng số)", $"Năm {year}: % trên tổng số", $"Năm {year}: % trên số đăng ký", "Đánh giá", "Còn thiếu",
         $"Năm {year - 1}: % trên tổng số", "Tăng (+) / giảm (−), điểm %"];

    public static IEnumerable<object[]> ComparisonRows(YearFigures f, YearFigures previous) => f.Titles.Select(t =>
    {
        var before = previous.For(t.Title).Counts;
        var change = t.Counts.PercentOfAll is { } now && before.PercentOfAll is { } then && before.Registered > 0 ? VnPercent.Change(now - then) : "—";
        return new object[]
        {
            t.Title.DisplayName(), new Pct(t.Target?.Percent), new Pct(t.Counts.PercentOfAll), new Pct(t.Counts.PercentOfRegistered),
            Figures.StatusText(t.Status), t.Gap > 0 ? $"{Figures.Number(t.Gap)} {Figures.SubjectNoun(t.Title)}" : "—",
            new Pct(before.Registered > 0 ? before.PercentOfAll : null), change,
        };
    });

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
