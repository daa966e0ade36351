using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Invariants checked over many random valid answer sets, for every shipped set (seeded, so reproducible).</summary>
public class EvaluatorPropertyTests
{
    private const int Runs = 400;

    public static TheoryData<string> SetNames => new(ShippedCriteriaSets.All.Select(s => s.Name));

    private static CriteriaSetDefinition Named(string name) => ShippedCriteriaSets.All.Single(s => s.Name == name);

    private static IEnumerable<(Answers Answers, EvaluationResult Result)> Samples(CriteriaSetDefinition set, int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < Runs; run++)
        {
            var answers = RandomAnswers.For(set, random);
            yield return (answers, CriteriaEvaluator.Evaluate(set, answers));
        }
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void The_total_is_always_the_sum_of_the_items_and_of_the_groups(string name)
    {
        var set = Named(name);
        foreach (var (_, result) in Samples(set, 1))
        {
            Assert.Equal(result.Total, result.Items.Sum(i => i.Points));
            Assert.Equal(result.Total, result.Groups.Sum(g => g.Points));
            Assert.Equal(result.MaxPossible, result.Items.Where(i => i.Applicable).Sum(i => i.Max));
            Assert.Equal(set.Total, result.MaxPossible);
            Assert.All(result.Groups, g => Assert.Equal(g.Points, result.Items.Where(i => i.GroupCode == g.Code).Sum(i => i.Points)));
            Assert.All(result.Items, i => Assert.InRange(i.Points.Tenths, 0, i.Max.Tenths));
        }
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Valid_complete_answers_give_no_errors_and_a_decision_consistent_with_the_reasons(string name)
    {
        var results = Samples(Named(name), 2).Select(s => s.Result).ToList();
        foreach (var result in results)
        {
            Assert.Empty(result.Errors);
            Assert.True(result.IsComplete);
            Assert.Equal(result.Reasons.Count == 0, result.Recognised);
        }

        // The generator must explore both outcomes, or the invariants above prove little.
        Assert.Contains(results, r => r.Recognised);
        Assert.Contains(results, r => !r.Recognised);
    }

    [Fact]
    public void Random_answers_reach_every_band_of_Tt22()
    {
        var ratings = Samples(ShippedCriteriaSets.UnitLearningTt22, 7).Select(s => s.Result.Rating).Distinct();

        Assert.Equal(["Khá", "Không đạt", "Trung bình", "Tốt"], ratings.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Applying_the_gap_reaches_the_next_target(string name)
    {
        var set = Named(name);
        var gaps = 0;
        foreach (var (answers, result) in Samples(set, 3).Where(s => s.Result.Gap is not null))
        {
            gaps++;
            var gap = result.Gap!;
            var improved = CriteriaEvaluator.Evaluate(set, RandomAnswers.Apply(set, answers, gap));
            if (set.Mode == ScoringMode.Levels)
            {
                Assert.True(improved.LevelReached > result.LevelReached, gap.Text);
                continue;
            }

            Assert.True(improved.Total >= result.Total + gap.PointsNeeded!.Value, gap.Text);
            Assert.Equal(TargetMinimum(set, gap) - result.Total, gap.PointsNeeded);
            Assert.True(improved.Total >= TargetMinimum(set, gap), gap.Text);
        }

        Assert.True(gaps > Runs / 10, $"only {gaps} samples had a gap");
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void The_gap_suggests_no_more_items_than_needed_largest_gain_first(string name)
    {
        var set = Named(name);
        foreach (var (_, result) in Samples(set, 4).Where(s => s.Result.Gap is { PointsNeeded: not null }))
        {
            var headroom = result.Gap!.ItemCodes.Select(c => result.Items.Single(i => i.Code == c).Headroom).ToList();
            var needed = result.Gap.PointsNeeded!.Value;
            Assert.True(headroom.Sum() >= needed);
            Assert.True(headroom.SkipLast(1).Sum() < needed);
            Assert.Equal(headroom.OrderDescending(), headroom);
            var left = result.Items.Where(i => !result.Gap.ItemCodes.Contains(i.Code)).Select(i => i.Headroom);
            Assert.True(left.All(h => h <= headroom.Min()));
        }
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Without_a_gap_no_target_is_left_within_reach(string name)
    {
        var set = Named(name);
        foreach (var (_, result) in Samples(set, 5).Where(s => s.Result.Gap is null))
        {
            if (set.Mode == ScoringMode.Levels)
            {
                Assert.Equal(set.Items.Max(i => i.Level), result.LevelReached);
                continue;
            }

            var targets = set.Rules.RatingBands.Select(b => b.Minimum).Concat([set.Rules.TotalThreshold ?? Points.Zero]);
            Assert.DoesNotContain(targets, t => t > result.Total && t <= result.MaxPossible);
        }
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Raising_any_one_answer_never_lowers_the_total_or_the_level(string name)
    {
        var set = Named(name);
        foreach (var (answers, result) in Samples(set, 6).Take(100))
        {
            var item = result.Items.Where(i => i.Applicable).MaxBy(i => i.Headroom)!;
            var raised = CriteriaEvaluator.Evaluate(set, RandomAnswers.Apply(set, answers, new Gap("", null, [item.Code], "")));
            Assert.True(raised.Total >= result.Total);
            Assert.True((raised.LevelReached ?? 0) >= (result.LevelReached ?? 0));
        }
    }

    private static Points TargetMinimum(CriteriaSetDefinition set, Gap gap) =>
        set.Rules.RatingBands.FirstOrDefault(b => b.Name == gap.Target)?.Minimum ?? set.Rules.TotalThreshold!.Value;
}
