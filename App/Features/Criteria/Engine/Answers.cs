using System.Collections.Immutable;

namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>What the scorer entered for one subject, plus the figures the app computed for it.</summary>
public sealed record Answers
{
    public static Answers Empty { get; } = new();

    /// <summary>Per item code: a score (points items) or a judgement (met/not-met items).</summary>
    public IReadOnlyDictionary<string, ItemAnswer> Items { get; init; } = ImmutableDictionary<string, ItemAnswer>.Empty;

    /// <summary>Per computed input key (<see cref="ComputedInputKeys"/>): the rate the app computed.</summary>
    public IReadOnlyDictionary<string, ComputedInput> Inputs { get; init; } = ImmutableDictionary<string, ComputedInput>.Empty;

    /// <summary>The subject's target group (Công dân học tập).</summary>
    public string? TargetGroupCode { get; init; }

    public Answers WithScore(string itemCode, Points score) => WithItem(itemCode, ItemAnswer.Scored(score));

    public Answers WithScore(string itemCode, decimal score) => WithScore(itemCode, Points.FromDecimal(score));

    public Answers WithMet(string itemCode, bool met) => WithItem(itemCode, ItemAnswer.Judged(met));

    public Answers WithItem(string itemCode, ItemAnswer answer) =>
        this with { Items = Items.ToImmutableDictionary().SetItem(itemCode, answer) };

    public Answers Without(string itemCode) => this with { Items = Items.ToImmutableDictionary().Remove(itemCode) };

    public Answers WithInput(string key, decimal percent) => WithInput(key, new ComputedInput(percent));

    public Answers WithInput(string key, ComputedInput input) =>
        this with { Inputs = Inputs.ToImmutableDictionary().SetItem(key, input) };

    public Answers ForTargetGroup(string? code) => this with { TargetGroupCode = code };
}

/// <summary>A score for a points item, or met/not met for a judged item.</summary>
public sealed record ItemAnswer(Points? Score = null, bool? Met = null)
{
    public static ItemAnswer Scored(Points score) => new(Score: score);

    public static ItemAnswer Judged(bool met) => new(Met: met);
}

/// <summary>A rate in percent (0–100), with the counts behind it when known (29 of 40 households).</summary>
public sealed record ComputedInput(decimal Percent, int? Count = null, int? OutOf = null)
{
    public static ComputedInput FromCounts(int count, int outOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outOf);
        return new(count * 100m / outOf, count, outOf);
    }

    /// <summary>
    /// "72,50 %": as every figure of the app (<see cref="VnPercent"/>), two decimals rounded half up. The met/not
    /// met verdict beside it uses the exact rate, and the counts are shown with it when known.
    /// </summary>
    public string FormatPercent() => VnPercent.Format(Percent);

    /// <summary>A rule's threshold as the criteria texts write it: "70 %", "72,5 %".</summary>
    public static string FormatThreshold(decimal percent) =>
        percent.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + " %";

    public override string ToString() =>
        Count is { } count && OutOf is { } outOf ? $"{FormatPercent()} ({count}/{outOf})" : FormatPercent();
}
