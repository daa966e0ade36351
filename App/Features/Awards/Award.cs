using HocTapSuotDoi.Features.Phases;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Awards;

// The plan's award occasions (mục III.2): every year, at the sơ kết of phase 1 (2025) and at the tổng kết (2030).
public enum AwardRoundKind
{
    Yearly = 1,
    MidTermReview = 2,
    FinalReview = 3,
}

// The forms of award a round proposes: the commune chair's own, and proposals to the levels above.
public enum AwardForm
{
    CommuneCertificate = 1,
    ProvinceCertificate = 2,
    MinistryCertificate = 3,
    CentralCertificate = 4,
    PrimeMinisterCertificate = 5,
}

public enum AwardProposalStatus
{
    Proposed = 1,
    Approved = 2,
    Refused = 3,
}

public enum AwardeeCategory
{
    Collective = 1,
    Household = 2,
    Individual = 3,
}

// The round the "new round" form starts on: the first of the working year's rounds not made yet — the sơ kết in 2025
// or later, then the year's own round, then the tổng kết in 2030 — so that a commune which has held its sơ kết is not
// offered it again. When all exist, the year's round (the form then says it exists).
public static class RoundSuggestion
{
    public static (AwardRoundKind Kind, int Year) For(IEnumerable<(AwardRoundKind Kind, int Year)> existing, int workingYear)
    {
        var made = existing.ToHashSet();
        var candidates = new List<(AwardRoundKind, int)>();
        if (workingYear >= Phases.Phase.First.To)
        {
            candidates.Add((AwardRoundKind.MidTermReview, Phases.Phase.First.To));
        }
        candidates.Add((AwardRoundKind.Yearly, workingYear));
        if (workingYear >= Phases.Phase.Second.To)
        {
            candidates.Add((AwardRoundKind.FinalReview, Phases.Phase.Second.To));
        }
        return candidates.FirstOrDefault(c => !made.Contains(c), (AwardRoundKind.Yearly, workingYear));
    }
}

public static class AwardTexts
{
    public static string Kind(AwardRoundKind kind) => kind switch
    {
        AwardRoundKind.Yearly => "Khen thưởng hằng năm",
        AwardRoundKind.MidTermReview => "Sơ kết giai đoạn 1",
        _ => "Tổng kết giai đoạn 2023–2030",
    };

    public static string Form(AwardForm form) => form switch
    {
        AwardForm.CommuneCertificate => "Giấy khen của Chủ tịch UBND xã",
        AwardForm.ProvinceCertificate => "Bằng khen của Chủ tịch UBND tỉnh",
        AwardForm.MinistryCertificate => "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo",
        AwardForm.CentralCertificate => "Bằng khen của Trung ương Hội Khuyến học Việt Nam",
        _ => "Bằng khen của Thủ tướng Chính phủ",
    };

    public static string Status(AwardProposalStatus status) => status switch
    {
        AwardProposalStatus.Proposed => "Chờ Hội đồng xét",
        AwardProposalStatus.Approved => "Hội đồng đồng ý",
        _ => "Hội đồng không đồng ý",
    };

    public static string Category(AwardeeCategory category) => category switch
    {
        AwardeeCategory.Collective => "Tập thể",
        AwardeeCategory.Household => "Hộ gia đình",
        _ => "Cá nhân",
    };

    public static AwardeeCategory CategoryOf(SubjectKind kind) => kind switch
    {
        Scoring.SubjectKind.Household => AwardeeCategory.Household,
        Scoring.SubjectKind.Person => AwardeeCategory.Individual,
        _ => AwardeeCategory.Collective,
    };

    public static string KindName(SubjectKind kind) => kind switch
    {
        Scoring.SubjectKind.Household => "Hộ gia đình",
        Scoring.SubjectKind.Clan => "Dòng họ",
        Scoring.SubjectKind.Village => "Thôn",
        Scoring.SubjectKind.Unit => "Cơ quan, đơn vị",
        Scoring.SubjectKind.Person => "Cá nhân",
        _ => "Xã",
    };

    public static readonly SubjectKind[] Kinds =
        [Scoring.SubjectKind.Household, Scoring.SubjectKind.Clan, Scoring.SubjectKind.Village, Scoring.SubjectKind.Unit, Scoring.SubjectKind.Person];
}

// One award occasion of the commune: the yearly commendation of a year, or one of the two reviews.
public class AwardRound : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public AwardRoundKind Kind { get; set; }
    public int Year { get; set; }
    // The years whose results the round looks back on.
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    // The commune chair's award decision (Giấy khen) and the proposal to the level above (tờ trình), as typed before download.
    public int? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public int? SubmissionNumber { get; set; }
    public DateOnly? SubmissionDate { get; set; }
    public string SignerName { get; set; } = "";
    public string SignerPosition { get; set; } = "";
    public string CouncilMeeting { get; set; } = "";
    // When the commune chair's decision was issued, and by whom: from then on the round's list of awards is locked.
    public DateTime? DecisionIssuedAtUtc { get; set; }
    public string DecisionIssuedBy { get; set; } = "";
    public List<AwardProposal> Proposals { get; set; } = [];

    public bool DecisionIssued => DecisionIssuedAtUtc is not null;

    public string Name => Kind switch
    {
        AwardRoundKind.Yearly => $"Khen thưởng năm {Year}",
        AwardRoundKind.MidTermReview => Phase.First.ReviewName,
        _ => Phase.Second.ReviewName,
    };

    public static (int From, int To) YearsOf(AwardRoundKind kind, int year) => kind switch
    {
        AwardRoundKind.Yearly => (year, year),
        AwardRoundKind.MidTermReview => (Phase.First.From, Phase.First.To),
        _ => (Phase.First.From, Phase.Second.To),
    };
}

// A collective, household or individual proposed in a round, linked to its register row, and the council's answer.
public class AwardProposal : AuditedEntity
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public AwardRound? Round { get; set; }
    public AwardForm Form { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    // As the register named it when proposed (the documents print it), and its village for households and people.
    public string SubjectName { get; set; } = "";
    public string VillageName { get; set; } = "";
    public string Achievements { get; set; } = "";
    public AwardProposalStatus Status { get; set; } = AwardProposalStatus.Proposed;
    public string CouncilNote { get; set; } = "";
    public string ReviewedBy { get; set; } = "";
    public DateTime? ReviewedAtUtc { get; set; }
}

public sealed class AwardRoundConfiguration : IEntityTypeConfiguration<AwardRound>
{
    public void Configure(EntityTypeBuilder<AwardRound> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SignerName).HasMaxLength(200);
        e.Property(x => x.SignerPosition).HasMaxLength(200);
        e.Property(x => x.CouncilMeeting).HasMaxLength(500);
        e.Property(x => x.DecisionIssuedBy).HasMaxLength(256);
        e.Ignore(x => x.Name);
        e.Ignore(x => x.DecisionIssued);
        e.HasIndex(x => new { x.CommuneId, x.Kind, x.Year }).IsUnique();
        e.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Proposals).WithOne(x => x.Round).HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AwardProposalConfiguration : IEntityTypeConfiguration<AwardProposal>
{
    public void Configure(EntityTypeBuilder<AwardProposal> e)
    {
        e.Property(x => x.Form).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SubjectName).HasMaxLength(300);
        e.Property(x => x.VillageName).HasMaxLength(200);
        e.Property(x => x.Achievements).HasMaxLength(4000);
        e.Property(x => x.CouncilNote).HasMaxLength(1000);
        e.Property(x => x.ReviewedBy).HasMaxLength(256);
        // A subject is proposed once per round, for one form.
        e.HasIndex(x => new { x.RoundId, x.SubjectKind, x.SubjectId }).IsUnique();
        // The subject's page lists its awards.
        e.HasIndex(x => new { x.SubjectKind, x.SubjectId });
    }
}
