namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>When a subject is recognised with the title, and how it is rated.</summary>
public sealed record RecognitionRules
{
    /// <summary>Points mode: recognised only when the total reaches this.</summary>
    public Points? TotalThreshold { get; init; }

    /// <summary>Points mode: a group below its minimum blocks recognition.</summary>
    public bool EnforceGroupMinimums { get; init; } = true;

    /// <summary>A hard-condition item not met blocks recognition.</summary>
    public bool EnforceHardConditions { get; init; } = true;

    /// <summary>
    /// Points mode: ordered from the highest minimum down, e.g. Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50, Không đạt ≥ 0.
    /// </summary>
    public ValueList<RatingBand> RatingBands { get; init; } = [];

    /// <summary>Levels mode: the level needed for recognition (default 1).</summary>
    public int? MinimumLevel { get; init; }
}

/// <summary>A rating reached when the total is at least <see cref="Minimum"/>; a band may mean "not recognised".</summary>
public sealed record RatingBand(string Name, Points Minimum, bool Recognised = true);
