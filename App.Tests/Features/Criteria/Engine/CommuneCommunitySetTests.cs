using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Cộng đồng học tập cấp xã, TT 25/2023: indicators met/not met by level 1/2/3, rates computed by the app.</summary>
public class CommuneCommunitySetTests
{
    private static readonly CriteriaSetDefinition Set = ShippedCriteriaSets.CommuneCommunityTt25;

    private static Answers Commune(decimal households = 100, decimal clans = 100, decimal villages = 100,
        decimal units = 100, decimal adults = 100) =>
        TestAnswers.Full(Set)
            .WithInput(ComputedInputKeys.CommuneHouseholdsFamilyLearningRate.Key, households)
            .WithInput(ComputedInputKeys.CommuneClansClanLearningRate.Key, clans)
            .WithInput(ComputedInputKeys.CommuneVillagesCommunityRate.Key, villages)
            .WithInput(ComputedInputKeys.CommuneUnitsUnitLearningRate.Key, units)
            .WithInput(ComputedInputKeys.CommuneAdultsCitizenLearningRate.Key, adults);

    [Fact]
    public void A_commune_meeting_every_indicator_reaches_level_3()
    {
        var result = Commune().Evaluate(Set);

        Assert.Equal((3, "Mức độ 3", true), (result.LevelReached, result.Rating, result.Recognised));
    }

    [Theory]
    [InlineData(100, 3)]
    [InlineData(70, 3)]
    [InlineData(69.9, 1)]
    [InlineData(50, 1)]
    [InlineData(49.9, 0)]
    public void The_households_rate_decides_level_1_at_50_percent_and_level_2_at_70(decimal rate, int level)
    {
        Assert.Equal(level, Commune(households: rate).Evaluate(Set).LevelReached);
    }

    [Theory]
    [InlineData("commune.clans_dhht_rate", 65, 64.9, 1)]
    [InlineData("commune.villages_cdht_rate", 65, 64.9, 1)]
    [InlineData("commune.units_dvht_rate", 80, 79.9, 2)]
    [InlineData("commune.adults_cdht_rate", 40, 39.9, 2)]
    public void Each_rate_at_its_threshold_keeps_the_level_and_a_tenth_below_loses_it(
        string key, decimal at, decimal below, int levelBelow)
    {
        Assert.Equal(3, Commune().WithInput(key, at).Evaluate(Set).LevelReached);
        Assert.Equal(levelBelow, Commune().WithInput(key, below).Evaluate(Set).LevelReached);
    }

    [Fact]
    public void A_clans_rate_below_65_percent_stops_at_level_1_and_names_the_indicator()
    {
        var result = Commune(clans: 60).Evaluate(Set);

        Assert.Equal(1, result.LevelReached);
        Assert.Equal("Còn 1 tiêu chí chưa đạt để đạt mức độ 2: 3.4", result.Gap!.Text);
    }

    [Fact]
    public void Two_indicators_can_read_the_same_rate_with_different_thresholds()
    {
        var result = Commune(households: 60).Evaluate(Set);

        Assert.True(result.Items.Single(i => i.Code == "3.1").Met);
        Assert.False(result.Items.Single(i => i.Code == "3.3").Met);
        Assert.Equal(["3.3"], result.Gap!.ItemCodes);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    [InlineData("1.3")]
    [InlineData("2.1")]
    [InlineData("2.2")]
    [InlineData("2.3")]
    public void A_leadership_or_resources_indicator_not_met_means_no_level(string code)
    {
        var result = Commune().WithMet(code, false).Evaluate(Set);

        Assert.Equal(0, result.LevelReached);
        Assert.False(result.Recognised);
        Assert.Equal([$"Chưa đạt mức độ 1: tiêu chí {code} chưa đạt"], result.Reasons);
    }

    [Fact]
    public void The_learning_centre_indicator_belongs_to_level_2()
    {
        var result = Commune().WithMet("3.2", false).Evaluate(Set);

        Assert.Equal(1, result.LevelReached);
    }

    [Fact]
    public void The_set_has_three_levels_and_records_its_effective_date()
    {
        Assert.Equal([1, 2, 3], Set.Items.Select(i => i.Level!.Value).Distinct().Order());
        Assert.Equal(new DateOnly(2024, 2, 12), Set.LegalBasis.EffectiveOn);
        Assert.Equal(ScoringMode.Levels, Set.Mode);
    }

    [Fact]
    public void Every_item_of_criterion_3_is_marked_not_yet_checked_and_criteria_1_and_2_are_not()
    {
        Assert.All(Set.Groups.Single(g => g.Code == "3").Items, i => Assert.True(i.Unchecked, i.Code));
        Assert.All(Set.Groups.Where(g => g.Code != "3").SelectMany(g => g.Items), i => Assert.False(i.Unchecked, i.Code));
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"], Set.UncheckedItems);
    }

    [Fact]
    public void The_note_says_what_the_official_criterion_3_is_about()
    {
        Assert.Contains("Tiêu chí 3 theo văn bản là kết quả hoạt động của các cơ sở giáo dục, trung tâm học tập cộng đồng, " +
            "thư viện và thiết chế văn hóa", Set.Note);
        Assert.Contains("không phải nội dung văn bản", Set.Note);
        Assert.Contains("chưa đối chiếu", Set.Note);
    }
}
