namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class CriteriaSetValidator
{
    private static void CheckRules(CriteriaSetDefinition set, List<string> messages)
    {
        if (set.Mode == ScoringMode.Levels)
        {
            CheckLevels(set, messages);
            return;
        }

        var rules = set.Rules;
        if (rules.TotalThreshold is null && rules.RatingBands.Count == 0)
        {
            messages.Add("Bộ tiêu chí chưa có quy tắc công nhận: hãy đặt ngưỡng công nhận hoặc các mức xếp loại");
        }

        if (rules.TotalThreshold is { } threshold && (threshold < Points.Zero || threshold > set.Total))
        {
            messages.Add($"Ngưỡng công nhận {threshold} nằm ngoài khoảng 0–{set.Total}");
        }

        CheckRatingBands(set, messages);
    }

    private static void CheckRatingBands(CriteriaSetDefinition set, List<string> messages)
    {
        var bands = set.Rules.RatingBands;
        foreach (var band in bands)
        {
            if (string.IsNullOrWhiteSpace(band.Name))
            {
                messages.Add($"Mức xếp loại từ {band.Minimum} điểm chưa có tên");
            }

            if (band.Minimum < Points.Zero || band.Minimum > set.Total)
            {
                messages.Add($"Mức xếp loại {band.Name} ({band.Minimum}) nằm ngoài khoảng 0–{set.Total}");
            }
        }

        for (var i = 1; i < bands.Count; i++)
        {
            var (higher, lower) = (bands[i - 1], bands[i]);
            if (lower.Minimum >= higher.Minimum)
            {
                messages.Add($"Các mức xếp loại phải giảm dần: {lower.Name} ({lower.Minimum}) " +
                    $"không thấp hơn {higher.Name} ({higher.Minimum})");
            }

            if (lower.Recognised && !higher.Recognised)
            {
                messages.Add($"Mức xếp loại {lower.Name} được công nhận nhưng thấp hơn mức {higher.Name} không được công nhận");
            }
        }
    }

    private static void CheckLevels(CriteriaSetDefinition set, List<string> messages)
    {
        var levels = set.Items.Select(i => i.Level).OfType<int>().Where(l => l >= 1).Distinct().Order().ToList();
        for (var level = 1; level <= levels.DefaultIfEmpty(0).Max(); level++)
        {
            if (!levels.Contains(level))
            {
                messages.Add($"Chưa có tiêu chí nào ở mức độ {level}: các mức độ phải liên tục từ 1");
            }
        }

        var top = levels.DefaultIfEmpty(0).Max();
        if (top == 0)
        {
            messages.Add("Bộ tiêu chí chưa có quy tắc công nhận: chưa có tiêu chí nào được gán mức độ");
        }

        if (set.Rules.MinimumLevel is { } minimum && (minimum < 1 || minimum > top))
        {
            messages.Add($"Mức độ tối thiểu để công nhận ({minimum}) phải từ 1 đến mức độ cao nhất của bộ tiêu chí ({top})");
        }
    }
}
