using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.YearData;

// A yearly figure that no register holds and a computed criterion needs, entered by a person: for a village, the adults
// taking part in the community learning centre (CĐHT thôn 1.3); for a unit, its staff holding Công dân học tập
// (TT 24/2023, level 1, criterion 3). Count out of OutOf, with where the number comes from.
public class EnteredFigure : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public int Year { get; set; }
    public string InputKey { get; set; } = "";
    public int Count { get; set; }
    public int OutOf { get; set; }
    public string Source { get; set; } = "";
}

public sealed class EnteredFigureConfiguration : IEntityTypeConfiguration<EnteredFigure>
{
    public void Configure(EntityTypeBuilder<EnteredFigure> e)
    {
        e.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.InputKey).HasMaxLength(80);
        e.Property(x => x.Source).HasMaxLength(500);
        e.HasIndex(x => new { x.CommuneId, x.Year, x.InputKey, x.SubjectKind, x.SubjectId }).IsUnique();
        e.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
    }
}
