namespace HocTapSuotDoi.Features.Deadlines;

// Who must submit for a deadline: every active unit, every village, the steering committee itself.
[Flags]
public enum DeadlineAudience
{
    Units = 1,
    Villages = 2,
    Committee = 4,
}

// A yearly deadline as data (hạn báo cáo): due day and month, when to remind before, after and whom to escalate to.
public class Deadline : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public required string Name { get; set; }
    public DeadlineAudience Audience { get; set; }
    public int DueDay { get; set; }
    public int DueMonth { get; set; }
    // Days before the due date, e.g. "14,7,3,1,0" (0 = on the day).
    public string ReminderOffsets { get; set; } = "14,7,3,1,0";
    public int OverdueEveryDays { get; set; } = 3;
    public int OverdueMaxCount { get; set; } = 5;
    // After the due date the committee (and these e-mails) receive the list of who is still missing.
    public bool EscalateToCommittee { get; set; }
    public string EscalationEmails { get; set; } = "";
    public bool Active { get; set; } = true;
    // Set on the deadlines the app creates itself; it finds them again by this key.
    public string? DefaultKey { get; set; }

    public DateOnly DueDate(int year) => DeadlineDates.DueDate(year, DueMonth, DueDay);

    public IReadOnlyList<int> Offsets => DeadlineDates.ParseOffsets(ReminderOffsets) ?? [];

    public IReadOnlyList<string> EscalationEmailList => DeadlineDates.ParseEmails(EscalationEmails);
}

// An administrator lets one late subject submit after the due date, until a given day.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The domain word: the committee grants a unit an exception to submit late. Renaming would rename the table.")]
public class SubmissionException : AuditedEntity
{
    public int Id { get; set; }
    public int DeadlineId { get; set; }
    public int Year { get; set; }
    public ReportSubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public DateOnly AllowedUntil { get; set; }
    public string Reason { get; set; } = "";
}

public static class DeadlineDates
{
    // 29/02 falls on 28/02 in a year that has no 29/02.
    public static DateOnly DueDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    // Valid when the day exists in a leap year (so 29/02 is accepted, 30/02 is not).
    public static bool IsValidDayMonth(int day, int month) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2028, month);

    public static IReadOnlyList<string> ParseEmails(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).Distinct().ToList();

    // "14, 7,3 ,1,0" → [14, 7, 3, 1, 0], sorted from the earliest reminder; null when a part is not a whole number.
    public static IReadOnlyList<int>? ParseOffsets(string? text)
    {
        var result = new List<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var value))
            {
                return null;
            }
            result.Add(value);
        }
        return result.Distinct().OrderDescending().ToList();
    }
}

public sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.ReminderOffsets).HasMaxLength(100);
        e.Property(x => x.EscalationEmails).HasMaxLength(2000);
        e.Property(x => x.DefaultKey).HasMaxLength(60);
        e.HasIndex(x => new { x.CommuneId, x.DefaultKey }).IsUnique();
        e.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SubmissionExceptionConfiguration : IEntityTypeConfiguration<SubmissionException>
{
    public void Configure(EntityTypeBuilder<SubmissionException> e)
    {
        e.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.HasIndex(x => new { x.DeadlineId, x.Year, x.SubjectKind, x.SubjectId }).IsUnique();
        e.HasOne<Deadline>().WithMany().HasForeignKey(x => x.DeadlineId).OnDelete(DeleteBehavior.Cascade);
    }
}
