using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Villages;

// A household's move from one village to another on a date (today: a village merge). The household's row holds the
// village it is in now; these rows say where it was before, so a year's figures put it in the village it belonged to
// on 31/12 of that year (YearRule.VillageOf).
public class HouseholdVillageChange
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public int FromVillageId { get; set; }
    public int ToVillageId { get; set; }
    public DateOnly On { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class HouseholdVillageChangeConfiguration : IEntityTypeConfiguration<HouseholdVillageChange>
{
    public void Configure(EntityTypeBuilder<HouseholdVillageChange> e)
    {
        e.Property(x => x.Reason).HasMaxLength(500);
        e.HasIndex(x => new { x.HouseholdId, x.On });
        e.HasIndex(x => x.On);
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.FromVillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.ToVillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
