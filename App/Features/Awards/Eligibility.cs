using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Awards;

// What the app knows of one subject over a round's years: the years its title was recognised (in an issued decision),
// its recognised initiatives, its accepted emulation self-reports, and what it gave to the khuyến học fund in those
// years (receipts of the fund that name it, in whole đồng).
public sealed record SubjectRecord(SubjectKind Kind, int Id, string Name, string Village, Title Title,
    IReadOnlyCollection<int> RecognisedYears, IReadOnlyList<(int Year, string Title)> Initiatives, IReadOnlyCollection<int> AcceptedSelfReports,
    long Contributions = 0);

public sealed record EligibilityHint(SubjectKind Kind, int Id, string Name, string Village, int Run, int RunFrom, int RunTo,
    int Initiatives, int SelfReports, AwardForm SuggestedForm, string Reasons, string Achievements, int Weight, long Contributions = 0);

// Hints, not rulings: the council decides. A subject is hinted when its title was recognised at least two years in a
// row within the round's years, when it has an initiative recognised in them, or when it gave to the khuyến học fund in
// them (a contribution to the movement, plan III.2). The suggested form follows the
// usual ladder (Giấy khen of the commune first; the province's Bằng khen for a title held every year of a review; the
// Prime Minister's only at the tổng kết, for a title held five years in a row with a recognised initiative); the
// council may pick any form.
public static class Eligibility
{
    public const int MinimumRun = 2;

    // The longest run of consecutive years, and where it ends (the latest run when two are as long).
    public static (int Length, int From, int To) LongestRun(IEnumerable<int> years)
    {
        var sorted = years.Distinct().Order().ToList();
        (int Length, int From, int To) best = (0, 0, 0);
        var start = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0 && sorted[i] != sorted[i - 1] + 1)
            {
                start = i;
            }
            var length = i - start + 1;
            if (length >= best.Length)
            {
                best = (length, sorted[start], sorted[i]);
            }
        }
        return best;
    }

    public static AwardForm Suggest(AwardRoundKind kind, int fromYear, int toYear, int run, int initiatives)
    {
        var allYears = run >= toYear - fromYear + 1;
        return kind switch
        {
            AwardRoundKind.FinalReview when run >= 5 && initiatives > 0 => AwardForm.PrimeMinisterCertificate,
            AwardRoundKind.MidTermReview or AwardRoundKind.FinalReview when allYears || (run >= 3 && initiatives > 0) => AwardForm.ProvinceCertificate,
            _ => AwardForm.CommuneCertificate,
        };
    }

    // "5.000.000 đồng", as the documents write money.
    public static string Words(long dong) => dong.ToString("#,##0", VnTime.Culture) + " đồng";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VnTime.Culture) + text[1..];

    public static EligibilityHint? Hint(AwardRoundKind kind, int fromYear, int toYear, SubjectRecord s)
    {
        var years = s.RecognisedYears.Where(y => y >= fromYear && y <= toYear).ToList();
        var run = LongestRun(years);
        var initiatives = s.Initiatives.Where(i => i.Year >= fromYear && i.Year <= toYear).ToList();
        var selfReports = s.AcceptedSelfReports.Count(y => y >= fromYear && y <= toYear);
        if (run.Length < MinimumRun && initiatives.Count == 0 && s.Contributions <= 0 && (kind != AwardRoundKind.Yearly || run.Length == 0))
        {
            return null;
        }
        var reasons = new List<string>();
        var achievements = new List<string>();
        var title = DocumentTexts.Quoted(s.Title.DisplayName());
        if (run.Length > 0)
        {
            var span = run.Length == 1 ? $"năm {run.To}" : $"{run.Length} năm liền ({run.From}–{run.To})";
            reasons.Add($"{s.Title.DisplayName()} {span}");
            achievements.Add($"Đạt danh hiệu {title} {span}");
        }
        if (initiatives.Count > 0)
        {
            reasons.Add($"{initiatives.Count} sáng kiến, mô hình được công nhận");
            achievements.Add(string.Join("; ", initiatives.Select(i => $"có sáng kiến, mô hình {DocumentTexts.Quoted(i.Title)} được công nhận năm {i.Year}")));
        }
        if (selfReports > 0)
        {
            reasons.Add($"tự đánh giá thi đua được chấp nhận {selfReports} năm");
        }
        if (s.Contributions > 0)
        {
            var span = fromYear == toYear ? $"năm {fromYear}" : $"{fromYear}–{toYear}";
            reasons.Add($"đóng góp Quỹ khuyến học {Funding.Money.Format(s.Contributions)} ({span})");
            var words = fromYear == toYear ? $"năm {fromYear}" : $"giai đoạn {fromYear} - {toYear}";
            achievements.Add($"{(achievements.Count == 0 ? "Đóng" : "đóng")} góp {Words(s.Contributions)} cho Quỹ khuyến học xã {words}");
        }
        var form = Suggest(kind, fromYear, toYear, run.Length, initiatives.Count);
        var weight = run.Length * 10 + initiatives.Count * 6 + selfReports * 2 + (int)form
            + (s.Contributions > 0 ? 4 + (int)Math.Min(10, s.Contributions / 1_000_000) : 0);
        return new EligibilityHint(s.Kind, s.Id, s.Name, s.Village, run.Length, run.From, run.To, initiatives.Count, selfReports, form,
            Capitalised(string.Join("; ", reasons)), string.Join("; ", achievements) + ".", weight, s.Contributions);
    }
}
