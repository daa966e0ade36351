namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>The outcome of scoring one subject against one criteria set. Every text is Vietnamese.</summary>
public sealed record EvaluationResult
{
    public required ScoringMode Mode { get; init; }

    public required Points Total { get; init; }

    /// <summary>The sum of the maxima of the items that apply to the subject.</summary>
    public required Points MaxPossible { get; init; }

    public required IReadOnlyList<GroupResult> Groups { get; init; }

    public required IReadOnlyList<ItemResult> Items { get; init; }

    /// <summary>Points mode: the rating band reached ("Khá"); levels mode: "Mức độ 2" or "Chưa đạt mức độ 1".</summary>
    public string? Rating { get; init; }

    /// <summary>Levels mode: the highest level whose indicators, and all lower ones, are met (0 when none).</summary>
    public int? LevelReached { get; init; }

    /// <summary>True only when complete, free of errors, and every rule of the set is satisfied.</summary>
    public required bool Recognised { get; init; }

    /// <summary>False when an item has no answer (counted as 0) or a computed figure is missing.</summary>
    public required bool IsComplete { get; init; }

    /// <summary>Why the subject is not (yet) recognised, including what is still unscored.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Invalid input: a score above the maximum, off the step, an unknown item… Such answers count as 0.</summary>
    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>What is needed for the next rating band, the recognition threshold or the next level; null at the top.</summary>
    public Gap? Gap { get; init; }

    /// <summary>One line for lists: "Tổng điểm 86/100 – Tốt – Đạt tiêu chí".</summary>
    public required string Summary { get; init; }

    public bool HasErrors => Errors.Count > 0;
}

public sealed record GroupResult(
    string Code,
    string Name,
    Points Points,
    Points Max,
    Points? Minimum,
    bool BelowMinimum,
    int MetCount,
    int ApplicableCount);

public sealed record ItemResult
{
    public required string Code { get; init; }
    public required string GroupCode { get; init; }
    public required ItemKind Kind { get; init; }
    public required bool Applicable { get; init; }
    public required bool Answered { get; init; }
    public required Points Points { get; init; }
    public required Points Max { get; init; }
    public required bool Met { get; init; }
    public bool IsHardCondition { get; init; }
    public int? Level { get; init; }

    /// <summary>Computed items: where the value came from, e.g. "Tỷ lệ hộ thành viên đạt GĐHT: 72,5 %".</summary>
    public string? Source { get; init; }

    /// <summary>What could still be gained on this item.</summary>
    public Points Headroom => Applicable ? Max - Points : Points.Zero;
}

/// <summary>
/// The next target above the current result. Points mode: <see cref="PointsNeeded"/> is the fewest points still
/// missing and <see cref="ItemCodes"/> the items to improve, largest possible gain first, enough to cover it.
/// Levels mode: <see cref="ItemCodes"/> are the unmet indicators blocking the next level.
/// </summary>
public sealed record Gap(string Target, Points? PointsNeeded, ValueList<string> ItemCodes, string Text);
