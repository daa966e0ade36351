namespace HocTapSuotDoi.Features.PlanTasks;

// The bodies section VII of the plan gives tasks to.
public enum ResponsibleBody
{
    SteeringCommittee = 1,
    EmulationCouncil = 2,
    Accounting = 3,
    CultureOfficer = 4,
    StudyPromotionAssociation = 5,
    FatherlandFront = 6,
    Departments = 7,
    Villages = 8,
}

public enum PlanTaskStatus
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
}

public static class PlanTaskTexts
{
    public static string Body(ResponsibleBody body) => body switch
    {
        ResponsibleBody.SteeringCommittee => "Ban chỉ đạo xây dựng xã hội học tập",
        ResponsibleBody.EmulationCouncil => "Hội đồng thi đua khen thưởng",
        ResponsibleBody.Accounting => "Bộ phận kế toán",
        ResponsibleBody.CultureOfficer => "Công chức văn hóa – xã hội",
        ResponsibleBody.StudyPromotionAssociation => "Hội Khuyến học xã",
        ResponsibleBody.FatherlandFront => "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        ResponsibleBody.Departments => "Các ban ngành, đoàn thể, cơ quan, đơn vị",
        _ => "Các thôn",
    };

    public static string Status(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "Chưa thực hiện",
        PlanTaskStatus.InProgress => "Đang thực hiện",
        _ => "Đã hoàn thành",
    };
}

// A task the plan gives to a responsible body, followed by the committee: owner, due date, status, progress notes.
public class PlanTask : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public ResponsibleBody Body { get; set; }
    public required string Title { get; set; }
    public string PlanSection { get; set; } = "";
    public string Owner { get; set; } = "";
    // The account reminded when the task is overdue (none: the committee's accounts).
    public string? OwnerUserId { get; set; }
    public DateOnly? DueDate { get; set; }
    public PlanTaskStatus Status { get; set; } = PlanTaskStatus.NotStarted;
    public string ProgressNotes { get; set; } = "";
    // Set on the tasks seeded from the plan, to find them again.
    public string? DefaultKey { get; set; }
}

public sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.Property(x => x.Body).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(2000);
        e.Property(x => x.PlanSection).HasMaxLength(20);
        e.Property(x => x.Owner).HasMaxLength(300);
        e.Property(x => x.ProgressNotes).HasMaxLength(8000);
        e.Property(x => x.DefaultKey).HasMaxLength(60);
        e.HasIndex(x => new { x.CommuneId, x.DefaultKey }).IsUnique();
        e.HasIndex(x => new { x.CommuneId, x.Body });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
