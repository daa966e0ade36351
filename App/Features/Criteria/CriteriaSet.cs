using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Criteria;

public enum CriteriaSetStatus
{
    Draft = 1,
    Active = 2,
    Retired = 3,
}

// One stored version of a criteria set. Its groups, items and rules are the engine's CriteriaSetDefinition, kept as a
// JSON document (the same format as the export file); the columns repeat what lists and look-ups need.
public class CriteriaSet : AuditedEntity
{
    public int Id { get; set; }
    public Title Title { get; set; }
    public required string Name { get; set; }
    public int VersionNumber { get; set; } = 1;
    public CriteriaSetStatus Status { get; set; } = CriteriaSetStatus.Draft;
    public int FromYear { get; set; }
    public int? ToYear { get; set; }
    public bool Checked { get; set; }
    public string LegalBasisNumber { get; set; } = "";
    public required string DefinitionJson { get; set; }
    // Set when the set came from the shipped library: the seeder finds it again by this key.
    public string? ShippedKey { get; set; }
}

public sealed class CriteriaSetConfiguration : IEntityTypeConfiguration<CriteriaSet>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.LegalBasisNumber).HasMaxLength(100);
        e.Property(x => x.ShippedKey).HasMaxLength(100);
        e.Property(x => x.Title).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(x => new { x.Title, x.Status, x.FromYear });
        e.HasIndex(x => x.ShippedKey).IsUnique();
    }
}
