using System.Text.Json;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class CriteriaSetJsonTests
{
    public static TheoryData<string> SetNames => new(ShippedCriteriaSets.All.Select(s => s.Name));

    private static CriteriaSetDefinition Named(string name) => ShippedCriteriaSets.All.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Every_shipped_set_round_trips_exactly(string name)
    {
        var set = Named(name);

        var json = CriteriaSetJson.Serialize(set);
        var back = CriteriaSetJson.Deserialize(json);

        Assert.Equal(set, back);
        Assert.Equal(json, CriteriaSetJson.Serialize(back));
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void A_set_read_back_scores_exactly_like_the_original(string name)
    {
        var set = Named(name);
        var answers = RandomAnswers.For(set, new Random(11));

        var original = CriteriaEvaluator.Evaluate(set, answers);
        var copy = CriteriaEvaluator.Evaluate(CriteriaSetJson.Deserialize(CriteriaSetJson.Serialize(set)), answers);

        Assert.Equal(original.Total, copy.Total);
        Assert.Equal(original.Items, copy.Items);
        Assert.Equal(original.Reasons, copy.Reasons);
    }

    [Fact]
    public void Json_is_indented_camel_case_with_enum_names_numbers_and_readable_Vietnamese()
    {
        var json = CriteriaSetJson.Serialize(ShippedCriteriaSets.FamilyLearningQd448);

        Assert.Contains("\n  \"title\": \"familyLearning\"", json);
        Assert.Contains("\"mode\": \"points\"", json);
        Assert.Contains("\"kind\": \"metNotMet\"", json);
        Assert.Contains("\"step\": 0.5", json);
        Assert.Contains("\"totalThreshold\": 80", json);
        Assert.Contains("Việc học tập của trẻ em trong gia đình", json);
        Assert.DoesNotContain("\\u", json);
        Assert.DoesNotContain("\"toYear\"", json);
        Assert.DoesNotContain("\"total\":", json);
    }

    [Fact]
    public void Computed_rules_and_levels_are_written_out()
    {
        var json = CriteriaSetJson.Serialize(ShippedCriteriaSets.UnitLearningTt24);

        Assert.Contains("\"inputKey\": \"unit.staff_cdht_rate\"", json);
        Assert.Contains("\"metAtPercent\": 90", json);
        Assert.Contains("\"level\": 2", json);
        Assert.Contains("\"mode\": \"levels\"", json);
    }

    [Fact]
    public void A_minimal_hand_written_set_takes_the_defaults()
    {
        const string json = """
            {
              "title": "unitLearning",
              "name": "Bộ của xã",
              "legalBasis": { "number": "12/KH-UBND", "issuer": "UBND xã", "issuedOn": "2024-04-10" },
              "fromYear": 2025,
              "groups": [
                { "code": "1", "name": "Nhóm 1", "max": "10", "items": [ { "code": "1.1", "text": "Có kế hoạch", "max": 10 } ] }
              ],
              "rules": { "totalThreshold": "7,5" }
            }
            """;

        var set = CriteriaSetJson.Deserialize(json);

        Assert.Equal(ScoringMode.Points, set.Mode);
        Assert.False(set.Checked);
        Assert.Equal(new DateOnly(2024, 4, 10), set.LegalBasis.IssuedOn);
        Assert.Equal(Points.Parse("7,5"), set.Rules.TotalThreshold);
        Assert.True(set.Rules.EnforceHardConditions);
        Assert.Equal(ItemKind.Points, set.Groups[0].Items[0].Kind);
        Assert.Empty(set.TargetGroups);
        Assert.Empty(CriteriaSetValidator.Validate(set));
    }

    private const string Head = """{ "title": "familyLearning", "legalBasis": { "number": "1", "issuer": "x" }, "fromYear": 2024""";

    [Theory]
    [InlineData("", "Tệp bộ tiêu chí trống")]
    [InlineData("   ", "Tệp bộ tiêu chí trống")]
    [InlineData("null", "Tệp bộ tiêu chí không chứa bộ tiêu chí nào")]
    [InlineData("{", "Tệp bộ tiêu chí không đúng định dạng (dòng 1, vị trí 2): sai cú pháp JSON")]
    [InlineData("[1, 2]", "Tệp bộ tiêu chí không đúng định dạng (dòng 1, vị trí 2): giá trị sai kiểu")]
    [InlineData(Head + " }", "Tệp bộ tiêu chí không đúng định dạng (dòng 1, vị trí 96): thiếu trường bắt buộc")]
    [InlineData(Head + """, "name": null }""",
        "Tệp bộ tiêu chí không đúng định dạng tại $.name (dòng 1, vị trí 108): trường này không được để trống")]
    [InlineData(Head + """, "name": "x", "colour": 1 }""",
        "Tệp bộ tiêu chí không đúng định dạng tại $.colour (dòng 1, vị trí 118): có trường không được hỗ trợ")]
    [InlineData("""{ "title": "household" }""", "Tệp bộ tiêu chí không đúng định dạng tại $.title (dòng 1, vị trí 23): giá trị sai kiểu")]
    [InlineData("""{ "title": 0 }""", "Tệp bộ tiêu chí không đúng định dạng tại $.title (dòng 1, vị trí 13): giá trị sai kiểu")]
    [InlineData(Head + """, "name": "x", "groups": null }""",
        "Tệp bộ tiêu chí không đúng định dạng tại $.groups (dòng 1, vị trí 123): trường này không được để trống")]
    public void Malformed_json_gives_a_Vietnamese_error(string json, string expected)
    {
        var error = Assert.Throws<CriteriaSetJsonException>(() => CriteriaSetJson.Deserialize(json));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_score_with_two_decimals_is_explained_in_Vietnamese_with_its_place()
    {
        const string json = """
            {
              "title": "familyLearning", "name": "x", "legalBasis": { "number": "1", "issuer": "x" }, "fromYear": 2024,
              "groups": [ { "code": "1", "name": "N", "max": 8.55 } ]
            }
            """;

        var error = Assert.Throws<CriteriaSetJsonException>(() => CriteriaSetJson.Deserialize(json));

        Assert.Contains("$.groups[0].max", error.Message);
        Assert.Contains("dòng 3", error.Message);
        Assert.Contains("Điểm 8.55 chỉ được có một chữ số thập phân.", error.Message);
    }

    [Fact]
    public void TryDeserialize_returns_the_error_instead_of_throwing()
    {
        Assert.False(CriteriaSetJson.TryDeserialize("{ nope", out var set, out var error));
        Assert.Null(set);
        Assert.StartsWith("Tệp bộ tiêu chí không đúng định dạng", error);

        Assert.True(CriteriaSetJson.TryDeserialize(CriteriaSetJson.Serialize(ShippedCriteriaSets.ClanLearning), out set, out error));
        Assert.Equal(ShippedCriteriaSets.ClanLearning, set);
        Assert.Null(error);
    }

    [Fact]
    public void An_edited_copy_is_no_longer_equal_to_the_original()
    {
        var original = ShippedCriteriaSets.UnitLearningTt22;
        var copy = CriteriaSetJson.Deserialize(CriteriaSetJson.Serialize(original));

        var edited = copy with { Rules = copy.Rules with { RatingBands = [.. copy.Rules.RatingBands.Skip(1)] } };

        Assert.NotEqual(original, edited);
        Assert.Equal(original, copy);
    }

    [Fact]
    public void Answers_can_be_stored_with_the_same_options()
    {
        var answers = Answers.Empty.ForTargetGroup("3").WithScore("1.1", 7.5m).WithMet("1.2", false)
            .WithInput("unit.staff_cdht_rate", ComputedInput.FromCounts(29, 40));

        var json = JsonSerializer.Serialize(answers, CriteriaSetJson.Options);
        var back = JsonSerializer.Deserialize<Answers>(json, CriteriaSetJson.Options)!;

        Assert.Equal("3", back.TargetGroupCode);
        Assert.Equal(answers.Items.OrderBy(p => p.Key), back.Items.OrderBy(p => p.Key));
        Assert.Equal(answers.Inputs["unit.staff_cdht_rate"], back.Inputs["unit.staff_cdht_rate"]);
    }

    [Fact]
    public void A_result_can_be_stored_and_read_back_with_the_same_options()
    {
        var set = ShippedCriteriaSets.ClanLearning;
        var result = TestAnswers.Full(set).WithInput("clan.member_households_gdht_rate", 69.9m).Evaluate(set);

        var json = JsonSerializer.Serialize(result, CriteriaSetJson.Options);
        var back = JsonSerializer.Deserialize<EvaluationResult>(json, CriteriaSetJson.Options)!;

        Assert.Equal(result.Total, back.Total);
        Assert.Equal(result.Items, back.Items);
        Assert.Equal(result.Groups, back.Groups);
        Assert.Equal(result.Reasons, back.Reasons);
        Assert.Equal(result.Gap, back.Gap);
        Assert.Contains("\"source\": \"Tỷ lệ hộ thành viên đạt GĐHT: 69,90 %\"", json);
    }
}
