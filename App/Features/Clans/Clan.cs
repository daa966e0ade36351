using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Clans;

// A clan (dòng họ): member households may live in several villages of the commune.
public class Clan : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public required string Name { get; set; }
    public string NameSearch { get; set; } = "";
    public string HeadName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Note { get; set; } = "";
    public List<ClanMember> Members { get; set; } = [];
}

public class ClanMember
{
    public int ClanId { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
}

public sealed class ClanConfiguration : IEntityTypeConfiguration<Clan>
{
    public void Configure(EntityTypeBuilder<Clan> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.HeadName).HasMaxLength(200);
        e.Property(x => x.Phone).HasMaxLength(30);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.CommuneId, x.Name }).IsUnique();
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.ClanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ClanMemberConfiguration : IEntityTypeConfiguration<ClanMember>
{
    public void Configure(EntityTypeBuilder<ClanMember> e)
    {
        e.HasKey(x => new { x.ClanId, x.HouseholdId });
        e.HasOne(x => x.Household).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
