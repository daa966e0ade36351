using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Data;

public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    // Scope: what part of the tree the user may see and change, checked by the services.
    public ScopeKind ScopeKind { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public List<UserVillage> Villages { get; set; } = [];

    // Set when the password was generated (first administrator, reset): the user must choose a new one.
    public bool MustChangePassword { get; set; }
    public int? WorkingYear { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastSignInAtUtc { get; set; }
}

public enum ScopeKind
{
    Commune = 1,
    Villages = 2,
    Unit = 3,
}

public class UserVillage
{
    public required string UserId { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(x => x.FullName).HasMaxLength(200);
        e.HasOne(x => x.Commune).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Unit).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Villages).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class UserVillageConfiguration : IEntityTypeConfiguration<UserVillage>
{
    public void Configure(EntityTypeBuilder<UserVillage> e)
    {
        e.HasKey(x => new { x.UserId, x.VillageId });
        e.HasOne(x => x.Village).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
