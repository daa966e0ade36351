using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class CriteriaSetValidatorTests
{
    private static readonly CriteriaSetDefinition Valid = Small();

    private static CriteriaSetDefinition WithItem(string code, Func<CriteriaItem, CriteriaItem> change) => Valid with
    {
        Groups = Valid.Groups.Select(g => g with { Items = g.Items.Select(i => i.Code == code ? change(i) : i).ToValueList() })
            .ToValueList(),
    };

    private static CriteriaSetDefinition WithGroup(string code, Func<CriteriaGroup, CriteriaGroup> change) => Valid with
    {
        Groups = Valid.Groups.Select(g => g.Code == code ? change(g) : g).ToValueList(),
    };

    private static CriteriaSetDefinition WithBands(params RatingBand[] bands) =>
        Valid with { Rules = new() { RatingBands = bands.ToValueList() } };

    private static CriteriaSetDefinition Levels(params CriteriaItem[] items) => LevelSet(Group("1", 0, null, items));

    private static CriteriaSetDefinition WithRule(ComputedRule? rule) =>
        WithItem("2.1", i => i with { Kind = ItemKind.Computed, Step = null, Computed = rule });

    private static ComputedRule Rule(decimal? metAt, params (decimal Percent, decimal Points)[] bands) => new()
    {
        InputKey = "unit.staff_cdht_rate", MetAtPercent = metAt,
        Bands = bands.Select(b => new RateBand(b.Percent, P(b.Points))).ToValueList(),
    };

    private static CriteriaSetDefinition WithTargets(params TargetGroup[] targets) =>
        Valid with { TargetGroups = targets.ToValueList() };

    /// <summary>Case name → the invalid set and the message expected; Only: the one and only message.</summary>
    private static readonly Dictionary<string, (Func<CriteriaSetDefinition> Set, string Message, bool Only)> Cases = new()
    {
        ["name missing"] = (() => Valid with { Name = " " }, "Hãy nhập tên bộ tiêu chí", true),
        ["document number missing"] = (() => Valid with { LegalBasis = new("", "UBND") },
            "Hãy nhập số văn bản căn cứ", true),
        ["end year before start"] = (() => Valid with { ToYear = 2023 },
            "Năm hết hiệu lực 2023 trước năm bắt đầu áp dụng 2024", true),
        ["no groups"] = (() => Valid with { Groups = [] }, "Bộ tiêu chí chưa có nhóm tiêu chí nào", false),
        ["declared total differs"] = (() => Valid with { DeclaredTotal = P(100) },
            "Tổng điểm khai báo 100 khác tổng điểm tối đa các nhóm 30", true),
        ["items do not add up to the group"] = (() => WithGroup("2", g => g with { Max = P(15) }),
            "Nhóm 2: tổng điểm các tiêu chí 10 khác điểm tối đa của nhóm 15", true),
        ["minimum above group max"] = (() => WithGroup("1", g => g with { Minimum = P(25) }),
            "Nhóm 1: mức tối thiểu 25 lớn hơn điểm tối đa 20", true),
        ["negative minimum"] = (() => WithGroup("1", g => g with { Minimum = P(-1) }),
            "Nhóm 1: mức tối thiểu không được âm", true),
        ["group without items"] = (
            () => WithGroup("2", g => g with { Items = [], Max = P(0) }) with { Rules = Threshold(10) },
            "Nhóm 2 chưa có tiêu chí nào", true),
        ["group without code"] = (() => WithGroup("2", g => g with { Code = "" }), "Nhóm \"Nhóm 2\" chưa có mã", true),
        ["duplicate group code"] = (() => WithGroup("2", g => g with { Code = "1" }), "Mã nhóm 1 bị trùng", true),
        ["duplicate item code"] = (() => WithItem("2.1", i => i with { Code = "1.1" }),
            "Mã tiêu chí 1.1 bị trùng", true),
        ["item without code"] = (() => WithItem("2.1", i => i with { Code = "" }),
            "Nhóm 2 có tiêu chí chưa có mã", true),
        ["item without text"] = (() => WithItem("2.1", i => i with { Text = "" }),
            "Tiêu chí 2.1 chưa có nội dung", true),
        ["negative item max"] = (() => WithItem("2.1", i => i with { Max = P(-10) }),
            "Tiêu chí 2.1: điểm tối đa không được âm", false),
        ["step does not divide max"] = (() => WithItem("2.1", i => i with { Step = P(3) }),
            "Tiêu chí 2.1: điểm tối đa 10 không chia hết cho bước điểm 3", true),
        ["half-point step on 10,5"] = (
            () => WithItem("2.1", i => i with { Step = P(1), Max = P(10.5m) }),
            "Tiêu chí 2.1: điểm tối đa 10,5 không chia hết cho bước điểm 1", false),
        ["zero step"] = (() => WithItem("2.1", i => i with { Step = P(0) }),
            "Tiêu chí 2.1: bước điểm phải lớn hơn 0", true),
        ["negative step"] = (() => WithItem("2.1", i => i with { Step = P(-1) }),
            "Tiêu chí 2.1: bước điểm phải lớn hơn 0", true),
        ["no rule"] = (() => Valid with { Rules = new() },
            "Bộ tiêu chí chưa có quy tắc công nhận: hãy đặt ngưỡng công nhận hoặc các mức xếp loại", true),
        ["threshold above total"] = (() => Valid with { Rules = Threshold(31) },
            "Ngưỡng công nhận 31 nằm ngoài khoảng 0–30", true),
        ["bands ascending"] = (() => WithBands(new RatingBand("Khá", P(20)), new("Tốt", P(25))),
            "Các mức xếp loại phải giảm dần: Tốt (25) không thấp hơn Khá (20)", true),
        ["bands equal"] = (() => WithBands(new RatingBand("Tốt", P(20)), new("Khá", P(20))),
            "Các mức xếp loại phải giảm dần: Khá (20) không thấp hơn Tốt (20)", true),
        ["band above total"] = (() => WithBands(new RatingBand("Tốt", P(35)), new("Khá", P(20))),
            "Mức xếp loại Tốt (35) nằm ngoài khoảng 0–30", true),
        ["negative band"] = (() => WithBands(new RatingBand("Tốt", P(20)), new("Kém", P(-5))),
            "Mức xếp loại Kém (-5) nằm ngoài khoảng 0–30", true),
        ["band without name"] = (() => WithBands(new RatingBand("", P(20))),
            "Mức xếp loại từ 20 điểm chưa có tên", true),
        ["recognised band under a failing one"] = (
            () => WithBands(new RatingBand("Đạt", P(25)), new("Không đạt", P(15), false), new("Yếu", P(5))),
            "Mức xếp loại Yếu được công nhận nhưng thấp hơn mức Không đạt không được công nhận", true),
        ["level missing"] = (() => Levels(Judged("a").AtLevel(1), Judged("b")),
            "Tiêu chí b chưa được gán mức độ", true),
        ["level below 1"] = (() => Levels(Judged("a").AtLevel(1), Judged("b").AtLevel(0)),
            "Tiêu chí b: mức độ phải từ 1 trở lên", true),
        ["levels not contiguous"] = (() => Levels(Judged("a").AtLevel(1), Judged("b").AtLevel(3)),
            "Chưa có tiêu chí nào ở mức độ 2: các mức độ phải liên tục từ 1", true),
        ["no level at all"] = (() => Levels(Judged("a")),
            "Bộ tiêu chí chưa có quy tắc công nhận: chưa có tiêu chí nào được gán mức độ", false),
        ["points item in a level set"] = (() => Levels(Judged("a").AtLevel(1), Scored("b", 0).AtLevel(1)),
            "Tiêu chí b: bộ tiêu chí theo mức độ chỉ dùng tiêu chí đánh giá đạt/chưa đạt", true),
        ["minimum level above the top"] = (
            () => Levels(Judged("a").AtLevel(1), Judged("b").AtLevel(2)) with { Rules = new() { MinimumLevel = 3 } },
            "Mức độ tối thiểu để công nhận (3) phải từ 1 đến mức độ cao nhất của bộ tiêu chí (2)", true),
        ["computed without rule"] = (() => WithRule(null),
            "Tiêu chí 2.1 tính từ số liệu nhưng chưa có quy tắc tính", true),
        ["computed with unknown figure"] = (() => WithRule(Rule(50) with { InputKey = "x.y" }),
            "Tiêu chí 2.1: không có loại số liệu \"x.y\"", true),
        ["computed without threshold or bands"] = (() => WithRule(Rule(null)),
            "Tiêu chí 2.1: quy tắc tính cần ngưỡng đạt hoặc các khoảng tỷ lệ", true),
        ["computed in a level set without threshold"] = (() => Levels(Judged("a").AtLevel(1),
                Rate("r", 0, "unit.staff_cdht_rate", null, (50, 0)).AtLevel(1)),
            "Tiêu chí r: bộ tiêu chí theo mức độ cần ngưỡng đạt (%) cho tiêu chí tính từ số liệu", true),
        ["threshold above 100 %"] = (() => WithRule(Rule(120)),
            "Tiêu chí 2.1: tỷ lệ 120 % nằm ngoài khoảng 0–100 %", true),
        ["band below 0 %"] = (() => WithRule(Rule(null, (50, 10), (-5, 5))),
            "Tiêu chí 2.1: tỷ lệ -5 % nằm ngoài khoảng 0–100 %", true),
        ["rate bands ascending"] = (() => WithRule(Rule(null, (50, 5), (70, 10))),
            "Tiêu chí 2.1: các khoảng tỷ lệ phải giảm dần cả tỷ lệ lẫn điểm", true),
        ["rate band above the item max"] = (() => WithRule(Rule(null, (70, 12), (50, 10))),
            "Tiêu chí 2.1: khoảng từ 70 % cho 12 điểm, ngoài khoảng 0–10", false),
        ["best rate band short of the max"] = (() => WithRule(Rule(null, (70, 8), (50, 4))),
            "Tiêu chí 2.1: khoảng tỷ lệ cao nhất phải cho đủ điểm tối đa 10", true),
        ["rule on a typed item"] = (() => WithItem("1.1", i => i with { Computed = Rule(50) }),
            "Tiêu chí 1.1 có quy tắc tính nhưng không phải loại tính từ số liệu", true),
        ["unknown target group"] = (() => WithItem("1.1", i => i.For("X")),
            "Tiêu chí 1.1 áp dụng cho nhóm đối tượng X không có trong bộ tiêu chí", true),
        ["duplicate target group"] = (() => WithTargets(new("A", "Nhóm A"), new("A", "Nhóm A'")),
            "Mã nhóm đối tượng A bị trùng", true),
        ["a target group short of the group max"] = (() => WithTargets(new("A", "Nhóm A"), new("B", "Nhóm B")) with
            {
                Groups = [Group("1", 20, 10, Scored("1.1", 10).For("A"), Judged("1.2", 10)), Valid.Groups[1]],
            },
            "Nhóm 1, nhóm đối tượng B: tổng điểm các tiêu chí 10 khác điểm tối đa của nhóm 20", true),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void An_invalid_set_is_reported_in_Vietnamese(string caseName)
    {
        var (build, message, only) = Cases[caseName];

        var messages = CriteriaSetValidator.Validate(build());

        if (only)
        {
            Assert.Equal([message], messages);
        }
        else
        {
            Assert.Contains(message, messages);
        }

        Assert.False(CriteriaSetValidator.IsValid(build()));
    }

    [Fact]
    public void A_coherent_set_has_no_messages()
    {
        Assert.Empty(CriteriaSetValidator.Validate(Valid));
        Assert.True(CriteriaSetValidator.IsValid(Valid with { DeclaredTotal = P(30) }));
    }

    [Fact]
    public void Alternative_items_per_target_group_may_exceed_the_group_max_together()
    {
        var set = WithTargets(new("A", "Nhóm A"), new("B", "Nhóm B")) with
        {
            Groups = [Group("1", 20, 10, Scored("1.1", 10).For("A"), Scored("1.1b", 10).For("B"), Judged("1.2", 10)), Valid.Groups[1]],
        };

        Assert.Empty(CriteriaSetValidator.Validate(set));
    }

    [Fact]
    public void A_level_set_with_contiguous_levels_is_valid()
    {
        var set = Levels(Judged("a").AtLevel(1), Judged("b").AtLevel(2), Rate("r", 0, "unit.staff_cdht_rate", 90).AtLevel(2));

        Assert.Empty(CriteriaSetValidator.Validate(set));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var set = Valid with { Name = "", Rules = new(), DeclaredTotal = P(50) };

        Assert.Equal(3, CriteriaSetValidator.Validate(set).Count);
    }
}
