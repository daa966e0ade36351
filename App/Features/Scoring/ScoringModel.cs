using System.Text.Json;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring;

// What a scorer typed for one evaluation: per item a score or met/not met, and an evidence note; the target group.
public sealed record StoredAnswers
{
    public Dictionary<string, StoredAnswer> Items { get; init; } = [];
    public string? TargetGroup { get; init; }

    // The scorer's note for the whole sheet ("Ghi chú của người chấm" of the results file); omitted from JSON when empty.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ScorerNote { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoredAnswers Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<StoredAnswers>(json, Json) ?? new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public Answers ToEngine(IReadOnlyDictionary<string, ComputedInput> inputs)
    {
        var answers = Answers.Empty.ForTargetGroup(TargetGroup) with { Inputs = inputs };
        foreach (var (code, answer) in Items)
        {
            if (answer.ScoreTenths is { } tenths)
            {
                answers = answers.WithScore(code, Points.FromTenths(tenths));
            }
            else if (answer.Met is { } met)
            {
                answers = answers.WithMet(code, met);
            }
        }
        return answers;
    }
}

public sealed record StoredAnswer(int? ScoreTenths = null, bool? Met = null, string Note = "")
{
    public bool IsEmpty => ScoreTenths is null && Met is null;

    public string Text => ScoreTenths is { } t ? Points.FromTenths(t).ToString() : Met is { } m ? (m ? "Đạt" : "Chưa đạt") : "(trống)";
}

// One line of an evaluation's history: a value, a status or a reason, with who and when.
public class EvaluationAudit : IHistoryLine
{
    public long Id { get; set; }
    public int EvaluationId { get; set; }
    Type IHistoryLine.Subject => typeof(Evaluation);
    object IHistoryLine.SubjectId => EvaluationId;
    public DateTime AtUtc { get; set; }
    public required string By { get; set; }
    public required string What { get; set; }
    public string Old { get; set; } = "";
    public string New { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class EvaluationAuditConfiguration : IEntityTypeConfiguration<EvaluationAudit>
{
    public void Configure(EntityTypeBuilder<EvaluationAudit> e)
    {
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.What).HasMaxLength(200);
        e.Property(x => x.Old).HasMaxLength(1000);
        e.Property(x => x.New).HasMaxLength(1000);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.HasIndex(x => x.EvaluationId);
    }
}

public static class ScoringTexts
{
    public static string Text(this EvaluationStatus status) => status switch
    {
        EvaluationStatus.Draft => "Nháp",
        EvaluationStatus.Submitted => "Đã chấm",
        EvaluationStatus.Reviewed => "Đã duyệt",
        EvaluationStatus.Recognised => "Công nhận",
        _ => "Không công nhận",
    };

    public static SubjectKind SubjectOf(Title title) => title switch
    {
        Title.FamilyLearning => SubjectKind.Household,
        Title.ClanLearning => SubjectKind.Clan,
        Title.VillageCommunity => SubjectKind.Village,
        Title.UnitLearning => SubjectKind.Unit,
        Title.CitizenLearning => SubjectKind.Person,
        _ => SubjectKind.Commune,
    };

    // Titles a subject assesses itself; the reviewer's score is kept beside it.
    public static bool IsSelfAssessed(Title title) => title is Title.UnitLearning or Title.CitizenLearning;
}
