using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.YearData;

// Where the commune stood in a year before the app, as its reports of that year gave it: per title, all subjects, the
// registered ones when known and the recognised ones, for the whole commune (VillageId null) or one village, with the
// report it comes from. The dashboard, the trend and the yearly report show them marked as entered figures.
public class PastYearFigure : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public int Year { get; set; }
    public Title Title { get; set; }
    public int? VillageId { get; set; }
    public int Total { get; set; }
    public int? Registered { get; set; }
    public int Recognised { get; set; }
    public string Source { get; set; } = "";
}

public sealed class PastYearFigureConfiguration : IEntityTypeConfiguration<PastYearFigure>
{
    public void Configure(EntityTypeBuilder<PastYearFigure> e)
    {
        e.Property(x => x.Title).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Source).HasMaxLength(500);
        // One figure per title, year and place; SQLite and PostgreSQL both treat NULL village ids as distinct, so the
        // service checks the commune-wide row itself.
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Title, x.VillageId }).IsUnique();
        e.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
