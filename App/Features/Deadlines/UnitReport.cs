namespace HocTapSuotDoi.Features.Deadlines;

// Who a report is about: a unit, a village, or the commune (the steering committee's own report to the level above).
public enum ReportSubjectKind
{
    Unit = 1,
    Village = 2,
    Commune = 3,
}

public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
}

// The yearly report of one subject for one deadline (báo cáo kết quả năm): figures, free text, an optional attachment.
public class UnitReport : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public int DeadlineId { get; set; }
    public int Year { get; set; }
    public ReportSubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public ReportStatus Status { get; set; } = ReportStatus.Draft;
    // Figures per title, as JSON ([{"Title":"FamilyLearning","Registered":12,"Recognised":9}, ...]).
    public string FiguresJson { get; set; } = "[]";
    public string Text { get; set; } = "";
    public DateTime? SubmittedAtUtc { get; set; }
    // On time or late is judged on the first submission; a returned report sent again keeps that judgement.
    public DateTime? FirstSubmittedAtUtc { get; set; }
    public bool OnTime { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string ReturnReason { get; set; } = "";
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? AttachmentContent { get; set; }
}

public sealed class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> e)
    {
        e.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(20_000);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.ReturnReason).HasMaxLength(1000);
        e.Property(x => x.AttachmentName).HasMaxLength(260);
        e.Property(x => x.AttachmentContentType).HasMaxLength(100);
        e.HasIndex(x => new { x.DeadlineId, x.Year, x.SubjectKind, x.SubjectId }).IsUnique();
        e.HasOne<Deadline>().WithMany().HasForeignKey(x => x.DeadlineId).OnDelete(DeleteBehavior.Restrict);
    }
}
