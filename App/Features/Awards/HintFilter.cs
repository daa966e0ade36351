using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Awards;

// What a hint rests on, for the committee to look at one kind of merit at a time (a commune's round hints every family
// recognised two years in a row: hundreds of rows, among which the fund's givers and the initiatives' authors are few).
// Not stored: only the hints tab's filter uses it.
public enum HintReason { Titles = 1, Initiatives = 2, Contributions = 3 }

public static class HintFilter
{
    public static readonly HintReason[] Reasons = [HintReason.Titles, HintReason.Initiatives, HintReason.Contributions];

    public static string Label(HintReason reason) => reason switch
    {
        HintReason.Titles => "Danh hiệu từ 2 năm liền",
        HintReason.Initiatives => "Sáng kiến được công nhận",
        HintReason.Contributions => "Đóng góp Quỹ khuyến học",
        _ => "",
    };

    public static bool Has(EligibilityHint hint, HintReason reason) => reason switch
    {
        HintReason.Titles => hint.Run >= Eligibility.MinimumRun,
        HintReason.Initiatives => hint.Initiatives > 0,
        HintReason.Contributions => hint.Contributions > 0,
        _ => false,
    };

    // The hints of a kind, with a reason, whose name holds the words typed (without diacritics, as everywhere in the app).
    public static IEnumerable<EligibilityHint> Apply(IEnumerable<EligibilityHint> hints, SubjectKind? kind, HintReason? reason, string? name)
    {
        var key = VietnameseText.SearchKey(name);
        return hints.Where(h => (kind is null || h.Kind == kind) && (reason is null || Has(h, reason.Value))
            && (key.Length == 0 || VietnameseText.SearchKey(h.Name).Contains(key, StringComparison.Ordinal)));
    }
}
