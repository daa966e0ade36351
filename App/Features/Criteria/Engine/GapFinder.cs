namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// Points mode: the nearest target above the total (a rating band or the recognition threshold) that the applicable
/// items can still reach, the points missing, and the items to improve, largest possible gain first, until the
/// gains cover the gap. Taking the largest gains first gives the fewest items.
/// </summary>
internal static class GapFinder
{
    public static Gap? ForPoints(RecognitionRules rules, Points total, Points max, IReadOnlyList<ItemResult> items)
    {
        var targets = rules.RatingBands.Select(b => (b.Minimum, Name: b.Name, IsBand: true)).ToList();
        if (rules.TotalThreshold is { } threshold)
        {
            targets.Add((threshold, $"ngưỡng công nhận {threshold}", false));
        }

        var reachable = targets.Where(t => t.Minimum > total && t.Minimum <= max).ToList();
        if (reachable.Count == 0)
        {
            return null;
        }

        var target = reachable.OrderBy(t => t.Minimum).ThenByDescending(t => t.IsBand).First();
        var needed = target.Minimum - total;
        var chosen = new List<string>();
        var covered = Points.Zero;
        foreach (var item in items.Where(i => i.Headroom > Points.Zero).OrderByDescending(i => i.Headroom))
        {
            if (covered >= needed)
            {
                break;
            }

            chosen.Add(item.Code);
            covered += item.Headroom;
        }

        return new Gap(target.Name, needed, chosen.ToValueList(),
            $"Còn thiếu {needed} điểm để đạt {target.Name}: có thể cải thiện tiêu chí {string.Join(", ", chosen)}");
    }
}
