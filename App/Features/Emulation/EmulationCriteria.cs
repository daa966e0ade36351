namespace HocTapSuotDoi.Features.Emulation;

// The seven kinds of participant the plan (section III.1) gives emulation criteria to.
public enum ParticipantKind
{
    Commune = 1,
    DepartmentsAndUnits = 2,
    FrontAndOrganisations = 3,
    Villages = 4,
    HouseholdsAndClans = 5,
    Enterprises = 6,
    Individuals = 7,
}

public static class ParticipantKinds
{
    public static string DisplayName(this ParticipantKind kind) => kind switch
    {
        ParticipantKind.Commune => "Xã",
        ParticipantKind.DepartmentsAndUnits => "Các ban ngành, đơn vị",
        ParticipantKind.FrontAndOrganisations => "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
        ParticipantKind.Villages => "Các thôn",
        ParticipantKind.HouseholdsAndClans => "Hộ gia đình, dòng họ",
        ParticipantKind.Enterprises => "Doanh nghiệp, hợp tác xã",
        _ => "Cá nhân",
    };

    // Which list a unit answers against: commune-run agencies and schools are "ban ngành, đơn vị"; associations and
    // their village branches answer as mass organisations; enterprises and cooperatives as enterprises.
    public static ParticipantKind ForUnit(UnitKind kind) => kind switch
    {
        UnitKind.MassOrganisation or UnitKind.Branch => ParticipantKind.FrontAndOrganisations,
        UnitKind.Enterprise or UnitKind.Cooperative => ParticipantKind.Enterprises,
        _ => ParticipantKind.DepartmentsAndUnits,
    };
}

// One version of the criteria list of a participant kind. A version already answered in a self-report is never
// changed: editing it creates the next version, and the old reports keep theirs.
public class EmulationCriteriaList : AuditedEntity
{
    public int Id { get; set; }
    public ParticipantKind Kind { get; set; }
    public int VersionNumber { get; set; } = 1;
    public required string Name { get; set; }
    public string Source { get; set; } = "";
    public bool IsCurrent { get; set; } = true;
    public List<EmulationCriterion> Criteria { get; set; } = [];
}

public class EmulationCriterion
{
    public int Id { get; set; }
    public int ListId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}

public sealed class EmulationCriteriaListConfiguration : IEntityTypeConfiguration<EmulationCriteriaList>
{
    public void Configure(EntityTypeBuilder<EmulationCriteriaList> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Source).HasMaxLength(300);
        e.HasIndex(x => new { x.Kind, x.VersionNumber }).IsUnique();
        e.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EmulationCriterionConfiguration : IEntityTypeConfiguration<EmulationCriterion>
{
    public void Configure(EntityTypeBuilder<EmulationCriterion> e)
    {
        e.Property(x => x.Text).HasMaxLength(2000);
        e.HasIndex(x => new { x.ListId, x.Position });
    }
}
