using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UserVillage> UserVillages => Set<UserVillage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Province>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Code).IsUnique();
        });
        builder.Entity<Commune>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasOne(x => x.Province).WithMany(x => x.Communes).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Village>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => new { x.CommuneId, x.Code }).IsUnique();
            e.HasOne(x => x.Commune).WithMany(x => x.Villages).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Unit>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(300);
            e.HasIndex(x => new { x.CommuneId, x.Code }).IsUnique();
            e.HasOne(x => x.Commune).WithMany(x => x.Units).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AppUser>(e =>
        {
            e.Property(x => x.FullName).HasMaxLength(200);
            e.HasOne(x => x.Commune).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Unit).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Villages).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserVillage>(e =>
        {
            e.HasKey(x => new { x.UserId, x.VillageId });
            e.HasOne(x => x.Village).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
    }
}
