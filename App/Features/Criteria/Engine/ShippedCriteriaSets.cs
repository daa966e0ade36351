namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// The starting library of criteria sets (DOMAIN.md §4). Texts paraphrase the documents. Points or items that are
/// only partly published are shipped as editable defaults, and such a set has <c>Checked = false</c> ("chưa đối chiếu")
/// with a <c>Note</c> saying what to check.
/// </summary>
public static partial class ShippedCriteriaSets
{
    // Expression-bodied on purpose: the sets are initialised in other files of this partial class, and static
    // initialisers across files run in no guaranteed order.
    public static IReadOnlyList<CriteriaSetDefinition> All =>
    [
        FamilyLearningQd448, ClanLearning, VillageCommunity, UnitLearningQd448, UnitLearningTt22, UnitLearningTt24,
        CitizenLearningQd244, CommuneCommunityTt25,
    ];

    private const string Association = "Hội Khuyến học Việt Nam";
    private const string Ministry = "Bộ Giáo dục và Đào tạo";

    private static Points P(decimal value) => Points.FromDecimal(value);

    private static CriteriaItem Scored(string code, decimal max, decimal step, string text, string? guidance = null) =>
        new() { Code = code, Text = text, Guidance = guidance, Kind = ItemKind.Points, Max = P(max), Step = P(step) };

    private static CriteriaItem Judged(string code, decimal max, string text, string? guidance = null) =>
        new() { Code = code, Text = text, Guidance = guidance, Kind = ItemKind.MetNotMet, Max = P(max) };

    /// <summary>A level-mode indicator: met or not met, no points.</summary>
    private static CriteriaItem Indicator(string code, int level, string text) =>
        new() { Code = code, Text = text, Kind = ItemKind.MetNotMet, Max = Points.Zero, Level = level };

    /// <summary>A level-mode indicator met when the computed rate reaches <paramref name="metAt"/> %.</summary>
    private static CriteriaItem RateIndicator(string code, int level, ComputedInputKey key, decimal metAt, string text) =>
        new()
        {
            Code = code, Text = text, Kind = ItemKind.Computed, Max = Points.Zero, Level = level,
            Computed = new ComputedRule { InputKey = key.Key, MetAtPercent = metAt },
        };

    /// <summary>
    /// A points item computed from a rate: full points and met at <paramref name="metAt"/> %, half points from
    /// <paramref name="halfAt"/> %, else 0.
    /// </summary>
    private static CriteriaItem RateItem(
        string code, decimal max, ComputedInputKey key, decimal metAt, decimal halfAt, string text) =>
        new()
        {
            Code = code, Text = text, Kind = ItemKind.Computed, Max = P(max),
            Guidance = $"Tính tự động: từ {Percent(metAt)} được {P(max)} điểm (đạt); " +
                $"từ {Percent(halfAt)} được {P(max / 2)} điểm; dưới đó 0 điểm.",
            Computed = new ComputedRule
            {
                InputKey = key.Key, MetAtPercent = metAt, Bands = [new(metAt, P(max)), new(halfAt, P(max / 2))],
            },
        };

    private const string AllItems = "*";

    /// <summary>
    /// The set with the items of these codes (or <see cref="AllItems"/>) marked "chưa đối chiếu": the ones DOMAIN.md
    /// marks [V], whose text, points or rule are defaults to check against the province's guidance.
    /// </summary>
    private static CriteriaSetDefinition WithUnchecked(CriteriaSetDefinition set, params string[] codes) => set with
    {
        Groups = ValueList.Create(set.Groups.Select(g => g with
        {
            Items = ValueList.Create(g.Items.Select(i => codes.Contains(AllItems) || codes.Contains(i.Code) ? i with { Unchecked = true } : i).ToArray().AsSpan()),
        }).ToArray().AsSpan()),
    };

    private static string Percent(decimal value) => ComputedInput.FormatThreshold(value);
}
