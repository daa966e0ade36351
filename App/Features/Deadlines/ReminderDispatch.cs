namespace HocTapSuotDoi.Features.Deadlines;

public enum ReminderKind
{
    // Before the due date, or on the day (offset 0).
    Before = 1,
    Overdue = 2,
    Escalation = 3,
    // "Nhắc ngay" from the compliance board; at most once a day per recipient.
    Manual = 4,
}

public enum ReminderChannel
{
    InApp = 1,
    Email = 2,
}

public enum DispatchStatus
{
    // Claimed by a run, not yet accepted by the mail server: the next run (or Hangfire's retry) sends it.
    Pending = 1,
    Sent = 2,
    // The subject submitted before the e-mail could go out: it is no longer due.
    Cancelled = 3,
}

// One reminder to one recipient on one channel. The unique key (deadline, year, recipient, kind, offset, channel) is
// what makes a reminder go out once: the row is inserted before sending, so a second run, a retry or a second server
// finds it (or fails on the unique index) and sends nothing new.
public class ReminderDispatch : IOutboxMail
{
    public long Id { get; set; }
    public int CommuneId { get; set; }
    public int DeadlineId { get; set; }
    public int Year { get; set; }
    // "u:<user id>" for an account, "e:<address>" for an escalation address without an account.
    public required string RecipientKey { get; set; }
    public string? RecipientUserId { get; set; }
    public string RecipientName { get; set; } = "";
    public string RecipientEmail { get; set; } = "";
    public ReminderKind Kind { get; set; }
    // Days before the due date (negative: days after); for a manual reminder, the day number of the day it was sent.
    public int Offset { get; set; }
    public ReminderChannel Channel { get; set; }
    public DispatchStatus Status { get; set; }
    // The local day the reminder was decided for.
    public DateOnly Day { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string Link { get; set; } = "";
    // Which subjects the reminder is about, e.g. "DonVi:3,Thon:5" (pending e-mails are cancelled once all have submitted).
    public string Subjects { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    // A run that is sending this e-mail holds it until then, so two servers never send the same row.
    public DateTime? LockedUntilUtc { get; set; }
}

public sealed class ReminderDispatchConfiguration : IEntityTypeConfiguration<ReminderDispatch>
{
    public void Configure(EntityTypeBuilder<ReminderDispatch> e)
    {
        e.Property(x => x.RecipientKey).HasMaxLength(300);
        e.Property(x => x.RecipientName).HasMaxLength(200);
        e.Property(x => x.RecipientEmail).HasMaxLength(256);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(20_000);
        e.Property(x => x.Link).HasMaxLength(500);
        e.Property(x => x.Subjects).HasMaxLength(20_000);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.DeadlineId, x.Year, x.RecipientKey, x.Kind, x.Offset, x.Channel }).IsUnique();
        e.HasIndex(x => new { x.Channel, x.Status });
        e.HasIndex(x => new { x.CommuneId, x.CreatedAtUtc });
        e.HasOne<Deadline>().WithMany().HasForeignKey(x => x.DeadlineId).OnDelete(DeleteBehavior.Cascade);
    }
}
