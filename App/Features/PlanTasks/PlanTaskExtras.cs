namespace HocTapSuotDoi.Features.PlanTasks;

// A file attached to a task (a body's kế hoạch cụ thể, minutes, a report), stored like scoring evidence.
public class PlanTaskAttachment : StoredFile
{
    public int PlanTaskId { get; set; }
}

// One overdue reminder for a task to one recipient on one channel. Unique on (task, due date, recipient, channel): a
// task is reminded once per due date (moving the date makes a new one due), whatever number of runs (decision 008).
public class PlanTaskReminder : Deadlines.IOutboxMail
{
    public long Id { get; set; }
    public int PlanTaskId { get; set; }
    public DateOnly DueDate { get; set; }
    public required string RecipientUserId { get; set; }
    public string RecipientName { get; set; } = "";
    public string RecipientEmail { get; set; } = "";
    public Deadlines.ReminderChannel Channel { get; set; }
    public Deadlines.DispatchStatus Status { get; set; }
    public DateOnly Day { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    public DateTime? LockedUntilUtc { get; set; }
}

public sealed class PlanTaskAttachmentConfiguration : IEntityTypeConfiguration<PlanTaskAttachment>
{
    public void Configure(EntityTypeBuilder<PlanTaskAttachment> e)
    {
        e.MapStoredFile();
        e.HasIndex(x => x.PlanTaskId);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanTaskReminderConfiguration : IEntityTypeConfiguration<PlanTaskReminder>
{
    public void Configure(EntityTypeBuilder<PlanTaskReminder> e)
    {
        e.Property(x => x.RecipientName).HasMaxLength(200);
        e.Property(x => x.RecipientEmail).HasMaxLength(256);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.PlanTaskId, x.DueDate, x.RecipientUserId, x.Channel }).IsUnique();
        e.HasIndex(x => new { x.Channel, x.Status });
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
