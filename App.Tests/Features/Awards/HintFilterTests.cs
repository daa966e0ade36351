using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Tests.Features.Awards;

// The hints tab's filters: kind, what the hint rests on, and the name typed with or without diacritics.
public sealed class HintFilterTests
{
    private static EligibilityHint Hint(SubjectKind kind, string name, int run = 0, int initiatives = 0, long contributions = 0) =>
        new(kind, name.Length, name, "Thôn Tân Hòa", run, 0, 0, initiatives, 0, AwardForm.CommuneCertificate, "", "", 0, contributions);

    private static readonly EligibilityHint[] Hints =
    [
        Hint(SubjectKind.Household, "Trần Văn Vinh", run: 3),
        Hint(SubjectKind.Household, "Nguyễn Thị Đào", run: 2, contributions: 1_200_000),
        Hint(SubjectKind.Unit, "Công ty TNHH May mặc Tân Phong", contributions: 24_000_000),
        Hint(SubjectKind.Village, "Thôn Tân Lập", initiatives: 1),
        Hint(SubjectKind.Clan, "Dòng họ Trần", run: 2, initiatives: 2),
    ];

    public static TheoryData<SubjectKind?, HintReason?, string?, string[]> Cases => new()
    {
        { null, null, null, ["Trần Văn Vinh", "Nguyễn Thị Đào", "Công ty TNHH May mặc Tân Phong", "Thôn Tân Lập", "Dòng họ Trần"] },
        { null, HintReason.Titles, null, ["Trần Văn Vinh", "Nguyễn Thị Đào", "Dòng họ Trần"] },
        { null, HintReason.Initiatives, null, ["Thôn Tân Lập", "Dòng họ Trần"] },
        { null, HintReason.Contributions, null, ["Nguyễn Thị Đào", "Công ty TNHH May mặc Tân Phong"] },
        { SubjectKind.Household, HintReason.Contributions, null, ["Nguyễn Thị Đào"] },
        { null, null, "tran", ["Trần Văn Vinh", "Dòng họ Trần"] },
        { null, null, "  Thị ĐÀO ", ["Nguyễn Thị Đào"] },
        { null, null, "dao", ["Nguyễn Thị Đào"] },
        { SubjectKind.Unit, null, "tran", [] },
        { null, HintReason.Initiatives, "vinh", [] },
        { null, null, "", ["Trần Văn Vinh", "Nguyễn Thị Đào", "Công ty TNHH May mặc Tân Phong", "Thôn Tân Lập", "Dòng họ Trần"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kind_reason_and_name_narrow_the_hints(SubjectKind? kind, HintReason? reason, string? name, string[] expected)
    {
        Assert.Equal(expected, HintFilter.Apply(Hints, kind, reason, name).Select(h => h.Name));
    }

    [Fact]
    public void Every_reason_has_a_vietnamese_label()
    {
        Assert.Equal(["Danh hiệu từ 2 năm liền", "Sáng kiến được công nhận", "Đóng góp Quỹ khuyến học"], HintFilter.Reasons.Select(HintFilter.Label));
    }
}
