using System.Text.Json.Serialization;

namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>How a set decides: by a points total (with bands), or by levels of met/not-met indicators.</summary>
public enum ScoringMode
{
    Points,
    Levels,
}

/// <summary>
/// One version of the criteria for a title, as data. An evaluation keeps the version it was scored with, so a set is
/// copied and edited, never changed under an existing evaluation.
/// </summary>
public sealed record CriteriaSetDefinition
{
    public required Title Title { get; init; }
    public required string Name { get; init; }
    public required LegalBasis LegalBasis { get; init; }
    public required int FromYear { get; init; }
    public int? ToYear { get; init; }

    /// <summary>"Đã đối chiếu": checked against the province's current guidance. False for inferred defaults.</summary>
    public bool Checked { get; init; }

    /// <summary>What is still to be checked, or where the figures come from.</summary>
    public string? Note { get; init; }

    public ScoringMode Mode { get; init; } = ScoringMode.Points;

    /// <summary>Optional stated total; when present it must equal the sum of the group maxima.</summary>
    public Points? DeclaredTotal { get; init; }

    /// <summary>Target groups of people (Công dân học tập); empty when every item applies to every subject.</summary>
    public ValueList<TargetGroup> TargetGroups { get; init; } = [];

    public ValueList<CriteriaGroup> Groups { get; init; } = [];

    public RecognitionRules Rules { get; init; } = new();

    [JsonIgnore]
    public Points Total => Groups.Sum(g => g.Max);

    [JsonIgnore]
    public IEnumerable<CriteriaItem> Items => Groups.SelectMany(g => g.Items);

    /// <summary>The codes of the items marked "chưa đối chiếu".</summary>
    [JsonIgnore]
    public IReadOnlyList<string> UncheckedItems => Items.Where(i => i.Unchecked).Select(i => i.Code).ToList();
}

/// <summary>The document a set comes from, e.g. "22/2020/TT-BGDĐT", Bộ Giáo dục và Đào tạo.</summary>
public sealed record LegalBasis(string Number, string Issuer, DateOnly? IssuedOn = null, DateOnly? EffectiveOn = null);

/// <summary>A group of people with their own expectations, e.g. "1", "Nông dân, lao động nông thôn".</summary>
public sealed record TargetGroup(string Code, string Name);
