namespace HocTapSuotDoi.Features.Initiatives;

// What the plan asks the commune to find and spread (mục III.1, IV.1, IV.4): sáng kiến, giải pháp, mô hình hay, cách làm hiệu quả.
public enum InitiativeKind
{
    Initiative = 1,
    Solution = 2,
    GoodModel = 3,
    EffectivePractice = 4,
}

public enum InitiativeAuthorKind
{
    Person = 1,
    Household = 2,
    Unit = 3,
    Village = 4,
    Other = 9,
}

public enum InitiativeStatus
{
    Proposed = 1,
    Recognised = 2,
    NotRecognised = 3,
}

public static class InitiativeTexts
{
    public static string Kind(InitiativeKind kind) => kind switch
    {
        InitiativeKind.Initiative => "Sáng kiến",
        InitiativeKind.Solution => "Giải pháp",
        InitiativeKind.GoodModel => "Mô hình hay",
        _ => "Cách làm hiệu quả",
    };

    public static string Author(InitiativeAuthorKind kind) => kind switch
    {
        InitiativeAuthorKind.Person => "Cá nhân",
        InitiativeAuthorKind.Household => "Hộ gia đình",
        InitiativeAuthorKind.Unit => "Cơ quan, đơn vị",
        InitiativeAuthorKind.Village => "Thôn",
        _ => "Khác",
    };

    public static string Status(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Proposed => "Đề xuất",
        InitiativeStatus.Recognised => "Được công nhận",
        _ => "Không công nhận",
    };
}

// One entry of the register of initiatives and good models. The author is free text (a person, a household, a
// unit...) with an optional link to the village or the unit, which also decides who in a limited scope sees it.
public class Initiative : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public InitiativeContent Content { get; set; } = new();
    // Outside the content: the links are foreign keys, year and status are indexed (a complex type can hold neither).
    public int? VillageId { get; set; }
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public InitiativeStatus Status { get; set; } = InitiativeStatus.Proposed;
    public DateOnly? DecisionDate { get; set; }
    // Title and author without diacritics, lower case, for "contains" searches.
    public string SearchKey { get; set; } = "";
}

// What an entry says, as the edit dialog edits it (InitiativeForm) and the row keeps it: one class, mapped as a complex
// property whose columns are the row's own.
public sealed class InitiativeContent
{
    public InitiativeKind Kind { get; set; }
    public InitiativeAuthorKind AuthorKind { get; set; }
    public string AuthorName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string ApplicationScope { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string DecisionNumber { get; set; } = "";
}

public sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> e)
    {
        e.ComplexProperty(x => x.Content, c =>
        {
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.AuthorKind).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.AuthorName).HasMaxLength(300);
            c.Property(x => x.Title).HasMaxLength(500);
            c.Property(x => x.Description).HasMaxLength(8000);
            c.Property(x => x.ApplicationScope).HasMaxLength(1000);
            c.Property(x => x.Evidence).HasMaxLength(4000);
            c.Property(x => x.DecisionNumber).HasMaxLength(100);
        });
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SearchKey).HasMaxLength(900);
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Status });
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
