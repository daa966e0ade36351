using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Funding;

// The sources section VI of the plan funds the movement from.
public enum FundingSource
{
    StateBudget = 1,
    Programme = 2,
    Sponsorship = 3,
    Contribution = 4,
}

public enum FundEntryKind
{
    Receipt = 1,
    Payment = 2,
}

// What a payment of the khuyến học fund is for; receipts are "Thu".
public enum FundPurpose
{
    Receipt = 0,
    Scholarship = 1,
    Award = 2,
    LearnerSupport = 3,
    Other = 9,
}

public static class FundingTexts
{
    public static string Source(FundingSource source) => source switch
    {
        FundingSource.StateBudget => "Ngân sách nhà nước",
        FundingSource.Programme => "Chương trình, đề án",
        FundingSource.Sponsorship => "Tài trợ",
        _ => "Đóng góp của nhân dân",
    };

    public static string Purpose(FundPurpose purpose) => purpose switch
    {
        FundPurpose.Receipt => "Thu vào quỹ",
        FundPurpose.Scholarship => "Học bổng",
        FundPurpose.Award => "Khen thưởng",
        FundPurpose.LearnerSupport => "Hỗ trợ người học",
        _ => "Chi khác",
    };

    public static string Kind(FundEntryKind kind) => kind == FundEntryKind.Receipt ? "Thu" : "Chi";
}

// A budget line of the movement for a year: what a source gives (dự toán) and what has been spent (thực chi).
public class BudgetLine : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public int Year { get; set; }
    public FundingSource Source { get; set; }
    public required string Content { get; set; }
    // Money in whole đồng.
    public long Estimate { get; set; }
    public long Spent { get; set; }
    public string Note { get; set; } = "";
}

// One receipt into or payment out of the commune's khuyến học fund: who, what, when, how much, from which source. A
// scholarship or an award to a learner is a payment that may name the person or household in the register; a
// contribution may name the person, household or unit that gave it.
public class FundEntry : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public FundEntryKind Kind { get; set; }
    public FundEntryDetails Details { get; set; } = new();
    // Outside the details: kind and year are indexed, the links are foreign keys (a complex type can hold neither).
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    // The register row the money went to or came from, if any: a person, a household or a unit (one at most); the village
    // alone when a village gave or received.
    public int? PersonId { get; set; }
    public int? HouseholdId { get; set; }
    public int? UnitId { get; set; }
    public int? VillageId { get; set; }
}

// What a receipt or payment records, as the dialog edits it (FundEntryForm) and the row keeps it: one class, mapped as
// a complex property whose columns are the row's own.
public sealed class FundEntryDetails
{
    public FundPurpose Purpose { get; set; }
    public FundingSource Source { get; set; }
    // Who paid in, or who received.
    public string Party { get; set; } = "";
    public string Content { get; set; } = "";
    public long Amount { get; set; }
    public string VoucherNumber { get; set; } = "";
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> e)
    {
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Content).HasMaxLength(500);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Source });
    }
}

public sealed class FundEntryConfiguration : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.ComplexProperty(x => x.Details, d =>
        {
            d.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Party).HasMaxLength(300);
            d.Property(x => x.Content).HasMaxLength(500);
            d.Property(x => x.VoucherNumber).HasMaxLength(50);
        });
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Kind });
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
