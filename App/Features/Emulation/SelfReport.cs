using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Features.Emulation;

public enum CriterionOutcome
{
    Met = 1,
    Partly = 2,
    NotMet = 3,
}

public enum SelfReportStatus
{
    Draft = 1,
    Submitted = 2,
    Accepted = 3,
    Returned = 4,
}

public static class SelfReportTexts
{
    public static string Outcome(CriterionOutcome? outcome) => outcome switch
    {
        CriterionOutcome.Met => "Đạt",
        CriterionOutcome.Partly => "Đạt một phần",
        CriterionOutcome.NotMet => "Chưa đạt",
        _ => "Chưa đánh giá",
    };

    public static string Status(SelfReportStatus? status) => status switch
    {
        SelfReportStatus.Draft => "Đang soạn",
        SelfReportStatus.Submitted => "Đã nộp, chờ xem xét",
        SelfReportStatus.Accepted => "Ban chỉ đạo đã chấp nhận",
        SelfReportStatus.Returned => "Bị trả lại",
        _ => "Chưa tự đánh giá",
    };
}

// A unit's or a village's yearly self-assessment against its emulation criteria, attached to the yearly report it
// submits (one per report) and bound to the criteria version it was written against.
public class EmulationSelfReport : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public int UnitReportId { get; set; }
    public int Year { get; set; }
    public ReportSubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public int CriteriaListId { get; set; }
    public SelfReportStatus Status { get; set; } = SelfReportStatus.Draft;
    public DateTime? SubmittedAtUtc { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTime? ReviewedAtUtc { get; set; }
    public string ReviewedBy { get; set; } = "";
    public string ReturnReason { get; set; } = "";
    public List<EmulationSelfReportLine> Lines { get; set; } = [];
}

public class EmulationSelfReportLine
{
    public int Id { get; set; }
    public int SelfReportId { get; set; }
    public int CriterionId { get; set; }
    public CriterionOutcome? Outcome { get; set; }
    public string Evidence { get; set; } = "";
    public string Note { get; set; } = "";
}

public sealed class EmulationSelfReportConfiguration : IEntityTypeConfiguration<EmulationSelfReport>
{
    public void Configure(EntityTypeBuilder<EmulationSelfReport> e)
    {
        e.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.ReviewedBy).HasMaxLength(256);
        e.Property(x => x.ReturnReason).HasMaxLength(1000);
        e.HasIndex(x => x.UnitReportId).IsUnique();
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Status });
        e.HasOne<UnitReport>().WithMany().HasForeignKey(x => x.UnitReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<EmulationCriteriaList>().WithMany().HasForeignKey(x => x.CriteriaListId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.SelfReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EmulationSelfReportLineConfiguration : IEntityTypeConfiguration<EmulationSelfReportLine>
{
    public void Configure(EntityTypeBuilder<EmulationSelfReportLine> e)
    {
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Evidence).HasMaxLength(4000);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.SelfReportId, x.CriterionId }).IsUnique();
        e.HasOne<EmulationCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}
