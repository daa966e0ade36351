namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>Scores one item from its answer, or from a computed figure; reports what is missing or invalid.</summary>
internal static class ItemScorer
{
    public sealed record Scored(ItemResult Result, string? Missing, string? Error);

    public static Scored Score(CriteriaItem item, string groupCode, bool applicable, Answers answers)
    {
        var blank = new ItemResult
        {
            Code = item.Code, GroupCode = groupCode, Kind = item.Kind, Applicable = applicable, Answered = false,
            Points = Points.Zero, Max = applicable ? item.Max : Points.Zero, Met = false,
            IsHardCondition = item.IsHardCondition, Level = item.Level,
        };
        if (!applicable)
        {
            return new(blank, null, null);
        }

        return item.Kind switch
        {
            ItemKind.Points => ScorePoints(item, blank, answers.Items.GetValueOrDefault(item.Code)),
            ItemKind.MetNotMet => ScoreJudged(item, blank, answers.Items.GetValueOrDefault(item.Code)),
            _ => ScoreComputed(item, blank, answers),
        };
    }

    private static Scored ScorePoints(CriteriaItem item, ItemResult blank, ItemAnswer? answer)
    {
        if (answer?.Score is not { } score)
        {
            return answer?.Met is not null
                ? new(blank, null, $"Tiêu chí {item.Code} được chấm điểm, không đánh giá đạt/chưa đạt")
                : new(blank, $"Chưa chấm tiêu chí {item.Code}", null);
        }

        var error = score < Points.Zero ? $"Tiêu chí {item.Code}: điểm {score} không được âm"
            : score > item.Max ? $"Tiêu chí {item.Code}: điểm {score} vượt quá điểm tối đa {item.Max}"
            : item.Step is { } step && !score.IsMultipleOf(step) ? $"Tiêu chí {item.Code}: điểm phải là bội số của {step}"
            : null;
        return error is not null
            ? new(blank with { Answered = true }, null, error)
            : new(blank with { Answered = true, Points = score, Met = score >= item.Max }, null, null);
    }

    private static Scored ScoreJudged(CriteriaItem item, ItemResult blank, ItemAnswer? answer)
    {
        if (answer?.Met is not { } met)
        {
            return answer?.Score is not null
                ? new(blank, null, $"Tiêu chí {item.Code} được đánh giá đạt/chưa đạt, không chấm điểm")
                : new(blank, $"Chưa đánh giá tiêu chí {item.Code}", null);
        }

        return new(blank with { Answered = true, Met = met, Points = met ? item.Max : Points.Zero }, null, null);
    }

    private static Scored ScoreComputed(CriteriaItem item, ItemResult blank, Answers answers)
    {
        var typed = answers.Items.ContainsKey(item.Code)
            ? $"Tiêu chí {item.Code} được tính từ số liệu, không nhập tay"
            : null;
        if (item.Computed is not { } rule)
        {
            return new(blank, null, $"Tiêu chí {item.Code} chưa có quy tắc tính");
        }

        var label = ComputedInputKeys.LabelOf(rule.InputKey);
        if (!answers.Inputs.TryGetValue(rule.InputKey, out var input))
        {
            return new(blank, $"Chưa có số liệu \"{label}\" cho tiêu chí {item.Code}", typed);
        }

        var source = $"{label}: {input}";
        if (input.Percent is < 0m or > 100m)
        {
            return new(blank with { Source = source }, null, $"Tiêu chí {item.Code}: {label} phải trong khoảng 0–100 %");
        }

        var points = rule.Bands.Count > 0
            ? rule.Bands.Where(b => input.Percent >= b.MinPercent).Select(b => b.Points).DefaultIfEmpty().Max()
            : rule.MetAtPercent is { } at && input.Percent >= at ? item.Max : Points.Zero;
        var met = rule.MetAtPercent is { } threshold ? input.Percent >= threshold : points >= item.Max;
        return new(blank with { Answered = true, Points = Points.Min(points, item.Max), Met = met, Source = source }, null, typed);
    }
}
