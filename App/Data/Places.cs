namespace HocTapSuotDoi.Data;

// The administrative tree: province → commune → village (thôn / tổ dân phố).
// A default install has one commune, but nothing assumes there is only one.
public class Province
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Commune> Communes { get; set; } = [];
}

public class Commune
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Village> Villages { get; set; } = [];
    public List<Unit> Units { get; set; } = [];
}

public class Village : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    // Since when the village exists (founded, or split off another); empty: it was there before the app's register.
    public DateOnly? ActiveFrom { get; set; }
    // A village merged into another (sáp nhập) is inactive from the merge date and stays in the years before it.
    public bool Active { get; set; } = true;
    public DateOnly? ActiveTo { get; set; }
    public int? MergedIntoId { get; set; }
}

// A unit of the commune (cơ quan, trường học, doanh nghiệp, hợp tác xã, đoàn thể, chi hội...).
public class Unit : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string NameSearch { get; set; } = "";
    public UnitKind Kind { get; set; }
    public string HeadName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public int StaffCount { get; set; }
    // The village a unit belongs to, when it has one (a village branch, a village school); null for commune-wide units.
    public int? VillageId { get; set; }
    public bool Active { get; set; } = true;
    // Since when and until when the unit exists (founded, dissolved or merged); empty: before the app / still there.
    public DateOnly? ActiveFrom { get; set; }
    public DateOnly? ActiveTo { get; set; }
}

public enum UnitKind
{
    Agency = 1,
    School = 2,
    Enterprise = 3,
    Cooperative = 4,
    MassOrganisation = 5,
    Branch = 6,
    Other = 9,
}

public sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> e)
    {
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Code).IsUnique();
    }
}

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> e)
    {
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Province).WithMany(x => x.Communes).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VillageConfiguration : IEntityTypeConfiguration<Village>
{
    public void Configure(EntityTypeBuilder<Village> e)
    {
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => new { x.CommuneId, x.Code }).IsUnique();
        e.HasOne(x => x.Commune).WithMany(x => x.Villages).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.HeadName).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.Phone).HasMaxLength(30);
        e.HasIndex(x => new { x.CommuneId, x.Code }).IsUnique();
        e.HasOne(x => x.Commune).WithMany(x => x.Units).OnDelete(DeleteBehavior.Restrict);
    }
}
