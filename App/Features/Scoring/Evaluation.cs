using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring;

public enum SubjectKind
{
    Household = 1,
    Clan = 2,
    Village = 3,
    Unit = 4,
    Person = 5,
    Commune = 6,
}

// A subject registered for a title in a year (đăng ký). Village is repeated for households, people and villages so
// scope filters and per-village statistics need no join through the subject.
public class Registration : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public int Year { get; set; }
    public Title Title { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public int? VillageId { get; set; }
    public string SubjectName { get; set; } = "";
    public string SubjectSearch { get; set; } = "";
    // VietnameseText.GivenNameSortKey(SubjectName): the decision page sorts and pages by it in SQL. Set with the name;
    // rows written before it existed are filled at start (RegistrationSortKeys).
    public string SubjectSortKey { get; set; } = "";
    public DateOnly RegisteredOn { get; set; }
    public Evaluation? Evaluation { get; set; }
}

public enum EvaluationStatus
{
    Draft = 1,
    Submitted = 2,
    Reviewed = 3,
    Recognised = 4,
    NotRecognised = 5,
}

// The scoring of one registration, with the criteria set version it was scored with.
public class Evaluation : AuditedEntity
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public int CriteriaSetId { get; set; }
    public CriteriaSet? CriteriaSet { get; set; }
    public EvaluationStatus Status { get; set; } = EvaluationStatus.Draft;
    public string AnswersJson { get; set; } = "{}";
    // Self-assessed titles (Đơn vị học tập, Công dân học tập) keep the self score beside the reviewer's.
    public string? SelfAnswersJson { get; set; }
    public int TotalTenths { get; set; }
    public string Rating { get; set; } = "";
    public bool MeetsCriteria { get; set; }
    public bool EditedAfterReview { get; set; }
}

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.Property(x => x.Title).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SubjectName).HasMaxLength(300);
        e.Property(x => x.SubjectSearch).HasMaxLength(300);
        e.Property(x => x.SubjectSortKey).HasMaxLength(300);
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Title, x.SubjectKind, x.SubjectId }).IsUnique();
        e.HasIndex(x => new { x.Year, x.Title, x.VillageId });
        // The dashboard counts recognised subjects of a title and year by kind and id.
        e.HasIndex(x => new { x.Year, x.Title, x.SubjectKind, x.SubjectId });
        e.HasOne(x => x.Evaluation).WithOne(x => x.Registration).HasForeignKey<Evaluation>(x => x.RegistrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e)
    {
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Rating).HasMaxLength(60);
        e.HasIndex(x => x.RegistrationId).IsUnique();
        e.HasIndex(x => new { x.RegistrationId, x.Status });
        e.HasIndex(x => new { x.CriteriaSetId, x.Status });
        e.HasOne(x => x.CriteriaSet).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
