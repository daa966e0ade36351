using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class ShippedCriteriaSetsTests
{
    public static TheoryData<string> SetNames => new(ShippedCriteriaSets.All.Select(s => s.Name));

    private static CriteriaSetDefinition Named(string name) => ShippedCriteriaSets.All.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Every_shipped_set_passes_the_set_validator(string name)
    {
        Assert.Empty(CriteriaSetValidator.Validate(Named(name)));
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Every_shipped_set_states_its_legal_basis_and_first_year(string name)
    {
        var set = Named(name);

        Assert.Matches(@"^\d+/\d{4}/TT-BGDĐT$|^\d+/QĐ-KHVN$", set.LegalBasis.Number);
        Assert.Contains(set.LegalBasis.Issuer, new[] { "Bộ Giáo dục và Đào tạo", "Hội Khuyến học Việt Nam" });
        Assert.InRange(set.FromYear, 2015, 2025);
        Assert.Null(set.ToYear);
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Shipped_defaults_are_marked_not_yet_checked_and_say_what_to_check(string name)
    {
        var set = Named(name);

        Assert.False(set.Checked);
        Assert.Contains("chưa đối chiếu", set.Note);
    }

    [Theory]
    [InlineData("Gia đình học tập – QĐ 448/QĐ-KHVN (2015)", "2.3 3.1 3.2 3.3 3.4 4.1 4.2 4.3")]
    [InlineData("Đơn vị học tập ở cơ sở thuộc xã quản lý – QĐ 448/QĐ-KHVN (phần D)", "1.1 1.2 1.3 2.1 2.2 2.3 3.1 3.2")]
    [InlineData("Đơn vị học tập cấp huyện, cấp tỉnh – TT 22/2020/TT-BGDĐT", "3.2 3.3")]
    [InlineData("Đơn vị học tập cấp huyện, cấp tỉnh – TT 24/2023/TT-BGDĐT (theo mức độ)", "1.1 1.2 1.3 2.1 2.2 3.2 3.3")]
    [InlineData("Công dân học tập – QĐ 244/QĐ-KHVN (2022)", "2.1a 2.1b 2.2a 2.2b")]
    [InlineData("Cộng đồng học tập cấp xã – TT 25/2023/TT-BGDĐT", "3.1 3.2 3.3 3.4 3.5 3.6 3.7")]
    [InlineData("Dòng họ học tập – mặc định theo QĐ 448/QĐ-KHVN (phần B)", "1.1 1.2 2.1 2.2 3.1 3.2")]
    [InlineData("Cộng đồng học tập cấp thôn – mặc định theo QĐ 448/QĐ-KHVN (phần C)", "1.1 1.2 1.3 2.1 2.2 3.1")]
    public void The_items_domain_marks_to_verify_are_marked_not_yet_checked(string name, string codes)
    {
        Assert.Equal(codes.Split(' '), Named(name).UncheckedItems);
    }

    [Fact]
    public void The_item_flag_is_written_to_json_only_where_it_is_set_and_read_back()
    {
        var set = ShippedCriteriaSets.UnitLearningTt22;
        var json = CriteriaSetJson.Serialize(set);

        Assert.Equal(2, json.Split("\"unchecked\": true").Length - 1);
        Assert.DoesNotContain("\"unchecked\": false", json);
        Assert.Equal(set, CriteriaSetJson.Deserialize(json));
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void A_subject_meeting_everything_is_recognised_by_every_shipped_set(string name)
    {
        var set = Named(name);
        var target = set.TargetGroups.FirstOrDefault()?.Code;

        var result = TestAnswers.Full(set, target).Evaluate(set);

        Assert.True(result.Recognised, string.Join("; ", result.Reasons));
        Assert.Equal(set.Total, result.Total);
        Assert.Null(result.Gap);
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void A_subject_with_nothing_is_not_recognised_by_any_shipped_set(string name)
    {
        var set = Named(name);
        var nothing = Answers.Empty.ForTargetGroup(set.TargetGroups.FirstOrDefault()?.Code);
        var answers = set.Items.Aggregate(nothing, (a, i) => i.Kind switch
        {
            ItemKind.Points => a.WithScore(i.Code, Points.Zero),
            ItemKind.MetNotMet => a.WithMet(i.Code, false),
            _ => a.WithInput(i.Computed!.InputKey, 0),
        });

        var result = answers.Evaluate(set);

        Assert.False(result.Recognised);
        Assert.NotEmpty(result.Reasons);
        Assert.NotNull(result.Gap);
    }

    [Fact]
    public void The_library_covers_every_title()
    {
        Assert.Equal(Enum.GetValues<Title>().Order(), ShippedCriteriaSets.All.Select(s => s.Title).Distinct().Order());
        Assert.Equal(8, ShippedCriteriaSets.All.Count);
        Assert.Equal(ShippedCriteriaSets.All.Count, ShippedCriteriaSets.All.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Points_sets_total_100_and_level_sets_carry_no_points()
    {
        Assert.All(ShippedCriteriaSets.All.Where(s => s.Mode == ScoringMode.Points), s => Assert.Equal(P(100), s.Total));
        Assert.All(ShippedCriteriaSets.All.Where(s => s.Mode == ScoringMode.Levels), s => Assert.Equal(P(0), s.Total));
        Assert.Equal(
            ["Cộng đồng học tập cấp xã – TT 25/2023/TT-BGDĐT", "Đơn vị học tập cấp huyện, cấp tỉnh – TT 24/2023/TT-BGDĐT (theo mức độ)"],
            ShippedCriteriaSets.All.Where(s => s.Mode == ScoringMode.Levels).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Computed_items_use_only_known_figures()
    {
        var keys = ShippedCriteriaSets.All.SelectMany(s => s.Items).Select(i => i.Computed?.InputKey).OfType<string>();

        Assert.All(keys, k => Assert.NotNull(ComputedInputKeys.Find(k)));
        Assert.Contains("clan.member_households_gdht_rate", keys);
        Assert.Contains("unit.staff_cdht_rate", keys);
    }

    [Fact]
    public void The_library_returns_the_same_data_every_time()
    {
        Assert.Equal(ShippedCriteriaSets.All, ShippedCriteriaSets.All);
        Assert.Same(ShippedCriteriaSets.FamilyLearningQd448, ShippedCriteriaSets.All[0]);
    }

    [Theory]
    [InlineData(Title.FamilyLearning, "Gia đình học tập")]
    [InlineData(Title.ClanLearning, "Dòng họ học tập")]
    [InlineData(Title.VillageCommunity, "Cộng đồng học tập cấp thôn")]
    [InlineData(Title.CommuneCommunity, "Cộng đồng học tập cấp xã")]
    [InlineData(Title.UnitLearning, "Đơn vị học tập")]
    [InlineData(Title.CitizenLearning, "Công dân học tập")]
    public void Every_title_has_its_Vietnamese_name(Title title, string name)
    {
        Assert.Equal(name, title.DisplayName());
    }
}
