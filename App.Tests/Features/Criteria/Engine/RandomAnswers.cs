using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Random valid answers for a set: every applicable item answered on its step, every figure in 0–100 %.</summary>
internal static class RandomAnswers
{
    public static Answers For(CriteriaSetDefinition set, Random random)
    {
        var target = set.TargetGroups.Count > 0 ? set.TargetGroups[random.Next(set.TargetGroups.Count)].Code : null;
        // One "skill" per subject spreads the totals over every band instead of clustering them around the middle.
        var skill = random.NextDouble();
        var answers = Answers.Empty.ForTargetGroup(target);
        foreach (var item in set.Items.Where(i => i.AppliesTo(target)))
        {
            answers = item.Kind switch
            {
                ItemKind.Points => answers.WithScore(item.Code, RandomScore(item, skill, random)),
                ItemKind.MetNotMet => answers.WithMet(item.Code, random.NextDouble() < skill + 0.15),
                _ => answers.WithInput(item.Computed!.InputKey, RandomPercent(skill, random)),
            };
        }

        return answers;
    }

    /// <summary>What applying a gap means: every suggested item raised to its maximum (a figure to 100 %).</summary>
    public static Answers Apply(CriteriaSetDefinition set, Answers answers, Gap gap)
    {
        foreach (var item in set.Items.Where(i => gap.ItemCodes.Contains(i.Code)))
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

    private static Points RandomScore(CriteriaItem item, double skill, Random random)
    {
        var step = item.Step ?? Points.FromTenths(1);
        var steps = item.Max.Tenths / step.Tenths;
        var share = Math.Clamp(skill + (random.NextDouble() - 0.5) * 0.5, 0, 1);
        return step * (int)Math.Round(steps * share);
    }

    private static decimal RandomPercent(double skill, Random random)
    {
        var share = Math.Clamp(skill + (random.NextDouble() - 0.5) * 0.6, 0, 1);
        return Math.Round((decimal)share * 1000m) / 10m;
    }
}
