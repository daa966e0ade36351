using System.Text.Json.Serialization;

namespace HocTapSuotDoi.Features.Criteria.Engine;

public enum ItemKind
{
    /// <summary>Scored from 0 to Max in steps.</summary>
    Points,

    /// <summary>Judged met (Max points) or not met (0).</summary>
    MetNotMet,

    /// <summary>Derived from a figure the app computes (a rate), never typed.</summary>
    Computed,
}

/// <summary>One criterion or indicator ("Tiêu chí 1.2").</summary>
public sealed record CriteriaItem
{
    public required string Code { get; init; }
    public required string Text { get; init; }
    public string? Guidance { get; init; }
    public ItemKind Kind { get; init; } = ItemKind.Points;
    public Points Max { get; init; }

    /// <summary>Scores must be multiples of the step (0,5; 1; or the whole max). Null: any tenth.</summary>
    public Points? Step { get; init; }

    /// <summary>Not met ⇒ not recognised, whatever the total. A points item is met only at full points.</summary>
    public bool IsHardCondition { get; init; }

    /// <summary>Target groups the item applies to; empty means all.</summary>
    public ValueList<string> TargetGroupCodes { get; init; } = [];

    /// <summary>In a level-mode set, the level (mức độ 1, 2, 3) the indicator belongs to.</summary>
    public int? Level { get; init; }

    public ComputedRule? Computed { get; init; }

    /// <summary>
    /// "Chưa đối chiếu": the item's text, points or rule are a default, not yet checked against the province's current
    /// guidance (DOMAIN.md [V]). Shown wherever the item is scored or decided on; written to JSON only when set.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Unchecked { get; init; }

    public bool AppliesTo(string? targetGroupCode) =>
        TargetGroupCodes.Count == 0 || (targetGroupCode is not null && TargetGroupCodes.Contains(targetGroupCode));
}

/// <summary>
/// How a computed rate (a percentage 0–100 under <see cref="InputKey"/>) becomes points and met/not met.
/// Points: the best band whose minimum the rate reaches, else 0; without bands, Max when met.
/// Met: rate ≥ <see cref="MetAtPercent"/>; without it, full points.
/// </summary>
public sealed record ComputedRule
{
    public required string InputKey { get; init; }
    public decimal? MetAtPercent { get; init; }
    public ValueList<RateBand> Bands { get; init; } = [];
}

/// <summary>A rate at or above <see cref="MinPercent"/> earns <see cref="Points"/>.</summary>
public sealed record RateBand(decimal MinPercent, Points Points);
