namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>A group of criteria ("Nhóm 1"), with its maximum and an optional minimum to reach.</summary>
public sealed record CriteriaGroup
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public Points Max { get; init; }
    public Points? Minimum { get; init; }
    public ValueList<CriteriaItem> Items { get; init; } = [];
}
