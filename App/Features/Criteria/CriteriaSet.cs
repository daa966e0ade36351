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

// The sets of a title scored by level (TT 24/2023, TT 25/2023): met/not met indicators and a level reached, no points.
// Their sheets store a total of 0, which no list or document may print as points. A title has a few versions of sets,
// so they are read whole.
public static class LevelSets
{
    public static async Task<List<int>> OfAsync(AppDbContext db, Title title, CancellationToken ct = default) =>
        (await db.Set<CriteriaSet>().AsNoTracking().Where(s => s.Title == title).Select(s => new { s.Id, s.DefinitionJson }).ToListAsync(ct))
            .Where(s => CriteriaSetJson.Deserialize(s.DefinitionJson).Mode == ScoringMode.Levels).Select(s => s.Id).ToList();
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
