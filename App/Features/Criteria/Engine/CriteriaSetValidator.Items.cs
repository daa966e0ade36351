namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class CriteriaSetValidator
{
    private static void CheckItem(CriteriaSetDefinition set, CriteriaItem item, List<string> messages)
    {
        var code = item.Code;
        if (string.IsNullOrWhiteSpace(item.Text))
        {
            messages.Add($"Tiêu chí {code} chưa có nội dung");
        }

        if (item.Max < Points.Zero)
        {
            messages.Add($"Tiêu chí {code}: điểm tối đa không được âm");
        }

        if (item.Kind == ItemKind.Points && item.Step is { } step)
        {
            if (step <= Points.Zero)
            {
                messages.Add($"Tiêu chí {code}: bước điểm phải lớn hơn 0");
            }
            else if (!item.Max.IsMultipleOf(step))
            {
                messages.Add($"Tiêu chí {code}: điểm tối đa {item.Max} không chia hết cho bước điểm {step}");
            }
        }

        foreach (var target in item.TargetGroupCodes.Where(t => set.TargetGroups.All(g => g.Code != t)))
        {
            messages.Add($"Tiêu chí {code} áp dụng cho nhóm đối tượng {target} không có trong bộ tiêu chí");
        }

        if (set.Mode == ScoringMode.Levels)
        {
            CheckLevelItem(item, messages);
        }

        CheckComputed(set, item, messages);
    }

    private static void CheckLevelItem(CriteriaItem item, List<string> messages)
    {
        if (item.Level is null)
        {
            messages.Add($"Tiêu chí {item.Code} chưa được gán mức độ");
        }
        else if (item.Level < 1)
        {
            messages.Add($"Tiêu chí {item.Code}: mức độ phải từ 1 trở lên");
        }

        if (item.Kind == ItemKind.Points)
        {
            messages.Add($"Tiêu chí {item.Code}: bộ tiêu chí theo mức độ chỉ dùng tiêu chí đánh giá đạt/chưa đạt");
        }
    }

    private static void CheckComputed(CriteriaSetDefinition set, CriteriaItem item, List<string> messages)
    {
        var code = item.Code;
        if (item.Kind != ItemKind.Computed)
        {
            if (item.Computed is not null)
            {
                messages.Add($"Tiêu chí {code} có quy tắc tính nhưng không phải loại tính từ số liệu");
            }

            return;
        }

        if (item.Computed is not { } rule)
        {
            messages.Add($"Tiêu chí {code} tính từ số liệu nhưng chưa có quy tắc tính");
            return;
        }

        if (ComputedInputKeys.Find(rule.InputKey) is null)
        {
            messages.Add($"Tiêu chí {code}: không có loại số liệu \"{rule.InputKey}\"");
        }

        if (rule.MetAtPercent is null && rule.Bands.Count == 0)
        {
            messages.Add($"Tiêu chí {code}: quy tắc tính cần ngưỡng đạt hoặc các khoảng tỷ lệ");
        }

        if (set.Mode == ScoringMode.Levels && rule.MetAtPercent is null)
        {
            messages.Add($"Tiêu chí {code}: bộ tiêu chí theo mức độ cần ngưỡng đạt (%) cho tiêu chí tính từ số liệu");
        }

        var percents = rule.Bands.Select(b => b.MinPercent).Append(rule.MetAtPercent ?? 0m);
        foreach (var percent in percents.Where(p => p is < 0m or > 100m))
        {
            messages.Add($"Tiêu chí {code}: tỷ lệ {FormatPercent(percent)} nằm ngoài khoảng 0–100 %");
        }

        CheckRateBands(item, rule, messages);
    }

    private static void CheckRateBands(CriteriaItem item, ComputedRule rule, List<string> messages)
    {
        var bands = rule.Bands;
        for (var i = 1; i < bands.Count; i++)
        {
            if (bands[i].MinPercent >= bands[i - 1].MinPercent || bands[i].Points > bands[i - 1].Points)
            {
                messages.Add($"Tiêu chí {item.Code}: các khoảng tỷ lệ phải giảm dần cả tỷ lệ lẫn điểm");
                break;
            }
        }

        foreach (var band in bands.Where(b => b.Points > item.Max || b.Points < Points.Zero))
        {
            messages.Add($"Tiêu chí {item.Code}: khoảng từ {FormatPercent(band.MinPercent)} cho {band.Points} điểm, " +
                $"ngoài khoảng 0–{item.Max}");
        }

        if (bands.Count > 0 && bands.Max(b => b.Points) != item.Max)
        {
            messages.Add($"Tiêu chí {item.Code}: khoảng tỷ lệ cao nhất phải cho đủ điểm tối đa {item.Max}");
        }
    }

    private static string FormatPercent(decimal percent) => ComputedInput.FormatThreshold(percent);
}
