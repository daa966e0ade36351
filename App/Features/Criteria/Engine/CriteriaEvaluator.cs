namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// Scores a subject against a criteria set. Pure: the same set and answers always give the same result; no clock,
/// no database. Missing answers count as 0 and make the result incomplete; invalid answers count as 0 and are
/// reported in <see cref="EvaluationResult.Errors"/>. Either one prevents recognition.
/// </summary>
public static class CriteriaEvaluator
{
    public static EvaluationResult Evaluate(CriteriaSetDefinition set, Answers answers)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(answers);

        var errors = new List<string>();
        var missing = new List<string>();
        var targetGroup = ResolveTargetGroup(set, answers, missing, errors);
        errors.AddRange(UnknownItemErrors(set, answers));

        var scored = set.Groups
            .SelectMany(g => g.Items.Select(i => ItemScorer.Score(i, g.Code, i.AppliesTo(targetGroup), answers)))
            .ToList();
        missing.AddRange(scored.Select(s => s.Missing).OfType<string>());
        errors.AddRange(scored.Select(s => s.Error).OfType<string>());
        var items = scored.Select(s => s.Result).ToList();
        var groups = set.Groups.Select(g => GroupResultOf(g, items)).ToList();
        var total = items.Sum(i => i.Points);
        var maxPossible = items.Sum(i => i.Max);

        var outcome = set.Mode == ScoringMode.Levels
            ? LevelModeRules.Apply(set, items)
            : PointsModeRules.Apply(set, total, maxPossible, groups, items);
        var reasons = missing.Concat(HardConditionReasons(set, items)).Concat(outcome.Reasons).ToList();
        if (errors.Count > 0)
        {
            reasons.Add($"Dữ liệu chấm còn {errors.Count} lỗi cần sửa");
        }

        var recognised = missing.Count == 0 && errors.Count == 0 && reasons.Count == 0;
        return new EvaluationResult
        {
            Mode = set.Mode, Total = total, MaxPossible = maxPossible, Groups = groups, Items = items,
            Rating = outcome.Rating, LevelReached = outcome.LevelReached, Recognised = recognised,
            IsComplete = missing.Count == 0, Reasons = reasons, Errors = errors, Gap = outcome.Gap,
            Summary = Summarise(set.Mode, total, maxPossible, outcome.Rating, recognised, missing.Count == 0),
        };
    }

    private static string? ResolveTargetGroup(CriteriaSetDefinition set, Answers answers, List<string> missing, List<string> errors)
    {
        if (set.TargetGroups.Count == 0)
        {
            return answers.TargetGroupCode;
        }

        if (answers.TargetGroupCode is null)
        {
            missing.Add("Chưa chọn nhóm đối tượng");
            return null;
        }

        if (set.TargetGroups.All(t => t.Code != answers.TargetGroupCode))
        {
            errors.Add($"Không có nhóm đối tượng {answers.TargetGroupCode} trong bộ tiêu chí");
            return null;
        }

        return answers.TargetGroupCode;
    }

    private static IEnumerable<string> UnknownItemErrors(CriteriaSetDefinition set, Answers answers)
    {
        var known = set.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        return answers.Items.Keys.Where(code => !known.Contains(code)).Order(StringComparer.Ordinal)
            .Select(code => $"Không có tiêu chí {code} trong bộ tiêu chí");
    }

    private static GroupResult GroupResultOf(CriteriaGroup group, List<ItemResult> items)
    {
        var own = items.Where(i => i.GroupCode == group.Code && i.Applicable).ToList();
        var points = own.Sum(i => i.Points);
        return new GroupResult(group.Code, group.Name, points, own.Sum(i => i.Max), group.Minimum,
            group.Minimum is { } min && points < min, own.Count(i => i.Met), own.Count);
    }

    private static IEnumerable<string> HardConditionReasons(CriteriaSetDefinition set, List<ItemResult> items) =>
        set.Rules.EnforceHardConditions
            ? items.Where(i => i is { IsHardCondition: true, Applicable: true, Answered: true, Met: false })
                .Select(i => $"Tiêu chí {i.Code} là điều kiện bắt buộc nhưng chưa đạt")
            : [];

    private static string Summarise(ScoringMode mode, Points total, Points max, string? rating, bool recognised, bool complete)
    {
        var parts = new List<string>();
        if (mode == ScoringMode.Points)
        {
            parts.Add($"Tổng điểm {total}/{max}");
        }

        if (rating is not null)
        {
            parts.Add(rating);
        }

        // The engine says whether the criteria are met; only a decision recognises ("Công nhận").
        parts.Add(recognised ? "Đạt tiêu chí" : complete ? "Chưa đạt tiêu chí" : "Chưa chấm xong");
        return string.Join(" – ", parts);
    }
}

/// <summary>What a mode's rules decided: the rating or level, the reasons against recognition, the next target.</summary>
internal sealed record ModeOutcome(string? Rating, int? LevelReached, IReadOnlyList<string> Reasons, Gap? Gap);
