namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>Points mode: group minimums, the recognition threshold, rating bands, and the gap to the next target.</summary>
internal static class PointsModeRules
{
    public static ModeOutcome Apply(CriteriaSetDefinition set, Points total, Points max,
        IReadOnlyList<GroupResult> groups, IReadOnlyList<ItemResult> items)
    {
        var rules = set.Rules;
        var reasons = new List<string>();
        if (rules.EnforceGroupMinimums)
        {
            reasons.AddRange(groups.Where(g => g.BelowMinimum)
                .Select(g => $"Nhóm {g.Code} đạt {g.Points}/{g.Max}, dưới mức tối thiểu {g.Minimum}"));
        }

        if (rules.TotalThreshold is { } threshold && total < threshold)
        {
            reasons.Add($"Tổng điểm {total}/{max}, dưới ngưỡng công nhận {threshold}");
        }

        var band = BandFor(rules, total);
        if (rules.RatingBands.Count > 0 && band is null)
        {
            reasons.Add($"Tổng điểm {total}/{max}, chưa đạt mức xếp loại nào");
        }
        else if (band is { Recognised: false })
        {
            reasons.Add($"Tổng điểm {total}/{max}, xếp loại {band.Name}");
        }

        return new(band?.Name, null, reasons, GapFinder.ForPoints(rules, total, max, items));
    }

    public static RatingBand? BandFor(RecognitionRules rules, Points total) =>
        rules.RatingBands.OrderByDescending(b => b.Minimum).FirstOrDefault(b => total >= b.Minimum);
}
