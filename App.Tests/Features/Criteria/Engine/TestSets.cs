using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>A small vocabulary for building criteria sets inside tests.</summary>
internal static class TestSets
{
    public static Points P(decimal value) => Points.FromDecimal(value);

    public static CriteriaItem Scored(string code, decimal max, decimal step = 0.5m) =>
        new() { Code = code, Text = $"Tiêu chí {code}", Kind = ItemKind.Points, Max = P(max), Step = P(step) };

    public static CriteriaItem Judged(string code, decimal max = 0) =>
        new() { Code = code, Text = $"Tiêu chí {code}", Kind = ItemKind.MetNotMet, Max = P(max) };

    public static CriteriaItem Rate(
        string code, decimal max, string key, decimal? metAt, params (decimal Percent, decimal Points)[] bands) =>
        new()
        {
            Code = code, Text = $"Tiêu chí {code}", Kind = ItemKind.Computed, Max = P(max),
            Computed = new ComputedRule
            {
                InputKey = key, MetAtPercent = metAt, Bands = bands.Select(b => new RateBand(b.Percent, P(b.Points))).ToValueList(),
            },
        };

    public static CriteriaItem AtLevel(this CriteriaItem item, int level) => item with { Level = level };

    public static CriteriaItem Hard(this CriteriaItem item) => item with { IsHardCondition = true };

    public static CriteriaItem For(this CriteriaItem item, params string[] targetGroups) =>
        item with { TargetGroupCodes = targetGroups.ToValueList() };

    public static CriteriaGroup Group(string code, decimal max, decimal? minimum, params CriteriaItem[] items) =>
        new()
        {
            Code = code, Name = $"Nhóm {code}", Max = P(max), Minimum = minimum is { } m ? P(m) : null,
            Items = items.ToValueList(),
        };

    public static CriteriaSetDefinition PointsSet(RecognitionRules rules, params CriteriaGroup[] groups) => new()
    {
        Title = Title.FamilyLearning,
        Name = "Bộ thử",
        LegalBasis = new("1/QĐ-TEST", "Cơ quan thử"),
        FromYear = 2024,
        Groups = groups.ToValueList(),
        Rules = rules,
    };

    public static CriteriaSetDefinition LevelSet(params CriteriaGroup[] groups) =>
        PointsSet(new RecognitionRules { MinimumLevel = 1 }, groups) with { Mode = ScoringMode.Levels };

    public static RecognitionRules Threshold(decimal threshold) => new() { TotalThreshold = P(threshold) };

    /// <summary>Rating bands, highest first; a band named "Không đạt" does not recognise.</summary>
    public static RecognitionRules Bands(params (string Name, decimal Minimum)[] bands) => new()
    {
        RatingBands = bands.Select(b => new RatingBand(b.Name, P(b.Minimum), b.Name != "Không đạt")).ToValueList(),
    };

    /// <summary>
    /// A two-group set used by many tests: group 1 (20, minimum 10) has 1.1 points 10 step 0,5 and 1.2 met/not met
    /// 10 (hard condition); group 2 (10) has 2.1 points 10 step 1. Recognised from 20 points.
    /// </summary>
    public static CriteriaSetDefinition Small(RecognitionRules? rules = null) => PointsSet(rules ?? Threshold(20),
        Group("1", 20, 10, Scored("1.1", 10), Judged("1.2", 10).Hard()),
        Group("2", 10, null, Scored("2.1", 10, 1)));
}

internal static class TestAnswers
{
    /// <summary>Every applicable item at its maximum: points at max, judged items met, every rate at 100 %.</summary>
    public static Answers Full(CriteriaSetDefinition set, string? targetGroup = null)
    {
        var answers = Answers.Empty.ForTargetGroup(targetGroup);
        foreach (var item in set.Items.Where(i => i.AppliesTo(targetGroup)))
        {
            answers = item.Kind switch
            {
                ItemKind.Points => answers.WithScore(item.Code, item.Max),
                ItemKind.MetNotMet => answers.WithMet(item.Code, true),
                _ => answers.WithInput(item.Computed!.InputKey, 100m),
            };
        }

        return answers;
    }

    /// <summary>Fills the items in set order, each up to its maximum, until <paramref name="total"/> is given out.</summary>
    public static Answers WithTotal(CriteriaSetDefinition set, decimal total)
    {
        var remaining = Points.FromDecimal(total);
        var answers = Answers.Empty;
        foreach (var item in set.Items)
        {
            var score = Points.Min(remaining, item.Max);
            answers = answers.WithScore(item.Code, score);
            remaining -= score;
        }

        return answers;
    }

    public static Answers Scores(this Answers answers, params (string Code, decimal Points)[] scores) =>
        scores.Aggregate(answers, (a, s) => a.WithScore(s.Code, s.Points));

    public static EvaluationResult Evaluate(this Answers answers, CriteriaSetDefinition set) =>
        CriteriaEvaluator.Evaluate(set, answers);
}
