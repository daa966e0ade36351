namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// Levels mode: a level is reached when every applicable indicator of that level is met, and every lower level is
/// reached too. Items without a level count as level 1.
/// </summary>
internal static class LevelModeRules
{
    public static ModeOutcome Apply(CriteriaSetDefinition set, IReadOnlyList<ItemResult> items)
    {
        var applicable = items.Where(i => i.Applicable).ToList();
        var topLevel = applicable.Select(LevelOf).DefaultIfEmpty(0).Max();
        var reached = 0;
        while (reached < topLevel && applicable.Where(i => LevelOf(i) == reached + 1).All(i => i.Met))
        {
            reached++;
        }

        var minimum = set.Rules.MinimumLevel ?? 1;
        var reasons = new List<string>();
        if (reached < minimum)
        {
            var blocking = Codes(applicable.Where(i => LevelOf(i) <= minimum && !i.Met));
            reasons.Add(blocking.Count > 0
                ? $"Chưa đạt mức độ {minimum}: tiêu chí {string.Join(", ", blocking)} chưa đạt"
                : $"Chưa đạt mức độ {minimum}: bộ tiêu chí không có chỉ tiêu ở mức độ này");
        }

        var rating = reached > 0 ? $"Mức độ {reached}" : "Chưa đạt mức độ 1";
        return new(rating, reached, reasons, GapFor(applicable, reached, topLevel));
    }

    private static Gap? GapFor(List<ItemResult> applicable, int reached, int topLevel)
    {
        if (reached >= topLevel)
        {
            return null;
        }

        var next = reached + 1;
        var blocking = Codes(applicable.Where(i => LevelOf(i) == next && !i.Met));
        return new Gap($"Mức độ {next}", null, blocking.ToValueList(),
            $"Còn {blocking.Count} tiêu chí chưa đạt để đạt mức độ {next}: {string.Join(", ", blocking)}");
    }

    private static int LevelOf(ItemResult item) => item.Level ?? 1;

    private static List<string> Codes(IEnumerable<ItemResult> items) => items.Select(i => i.Code).ToList();
}
