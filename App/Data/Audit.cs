namespace HocTapSuotDoi.Data;

// Rows people edit: who created and last changed them, and a version that detects concurrent edits.
public interface IAudited
{
    DateTime CreatedAtUtc { get; set; }
    string CreatedBy { get; set; }
    DateTime UpdatedAtUtc { get; set; }
    string UpdatedBy { get; set; }
    int Version { get; set; }
}

public abstract class AuditedEntity : IAudited
{
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}

// One line per saved change of an audited row: what, which row, who, when, which fields.
public class ChangeLog
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string Changes { get; set; } = "";
    public required string By { get; set; }
    public DateTime AtUtc { get; set; }
}

// A feature's own history line for a row (an evaluation's EvaluationAudit, shown on the scoring page). When one is saved
// with the change, the generic change log does not record the same change a second time (one audit trail per change).
public interface IHistoryLine
{
    Type Subject { get; }
    object SubjectId { get; }
}

public sealed class ChangeLogConfiguration : IEntityTypeConfiguration<ChangeLog>
{
    public void Configure(EntityTypeBuilder<ChangeLog> e)
    {
        e.Property(x => x.EntityType).HasMaxLength(60);
        e.Property(x => x.EntityId).HasMaxLength(60);
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.By).HasMaxLength(256);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}
