namespace HocTapSuotDoi.Features.Households;

public class Household : AuditedEntity
{
    public int Id { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }
    // The household's number in the commune's register, e.g. "T01-0001": unique in the commune.
    public required string Code { get; set; }
    public int CommuneId { get; set; }
    public required string HeadName { get; set; }
    public string HeadNameSearch { get; set; } = "";
    public string HeadNameSort { get; set; } = "";
    public string HeadGivenNameSort { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public HouseholdStatus Status { get; set; } = HouseholdStatus.Resident;
    public DateOnly? StatusDate { get; set; }
    // Since when the household is in the commune's register (founded, split off, moved in); empty: before the app.
    public DateOnly? ActiveFrom { get; set; }
    public string Note { get; set; } = "";
    public List<Person> Members { get; set; } = [];
}

public enum HouseholdStatus
{
    Resident = 1,
    MovedAway = 2,
    Split = 3,
}

public class Person : AuditedEntity
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public required string FullName { get; set; }
    public string FullNameSearch { get; set; } = "";
    public string FullNameSort { get; set; } = "";
    public string GivenNameSort { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public int? BirthYear { get; set; }
    public Sex Sex { get; set; }
    public Relation Relation { get; set; }
    public EducationLevel Education { get; set; }
    public Literacy Literacy { get; set; }
    public string Occupation { get; set; } = "";
    public CitizenGroup TargetGroup { get; set; }
    public SchoolAttendance School { get; set; }
    public string? NationalId { get; set; }
    public PersonStatus Status { get; set; } = PersonStatus.Living;
    public DateOnly? StatusDate { get; set; }
    // Since when the person is in the register (born, moved in); empty: before the app.
    public DateOnly? ActiveFrom { get; set; }
    public int SortOrder { get; set; }
}

// NotEntered: nobody has said yet (a head typed on the household form joins the members with only a name).
public enum Sex { NotEntered = 0, Male = 1, Female = 2 }

public enum Relation { Head = 1, Spouse = 2, Child = 3, Parent = 4, Grandchild = 5, Sibling = 6, Other = 9 }

// None is "Chưa đi học", an answer; NotEntered is no answer yet, shown as "chưa nhập" rather than a silent default.
public enum EducationLevel { NotEntered = -1, None = 0, Primary = 1, LowerSecondary = 2, UpperSecondary = 3, Vocational = 4, College = 5, University = 6, Postgraduate = 7 }

public enum Literacy { Unknown = 0, Illiterate = 1, Level1 = 2, Level2 = 3 }

// Công dân học tập target groups (DOMAIN.md §4.5); the fourth is not confirmed.
public enum CitizenGroup { None = 0, FarmersAndRuralWorkers = 1, IndustrialAndCraftWorkers = 2, OfficialsAndIntellectuals = 3, Other = 4 }

public enum SchoolAttendance { NotApplicable = 0, Attending = 1, DroppedOut = 2, NotYetOfAge = 3, Completed = 4 }

public enum PersonStatus { Living = 1, MovedAway = 2, Deceased = 3 }

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.Property(x => x.Code).HasMaxLength(30);
        e.Property(x => x.HeadName).HasMaxLength(200);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Phone).HasMaxLength(30);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.CommuneId, x.Code }).IsUnique();
        e.HasIndex(x => new { x.VillageId, x.Status });
        e.HasIndex(x => x.HeadNameSearch);
        e.HasIndex(x => x.HeadGivenNameSort);
        // Pages of a commune's list in name order read this index instead of sorting every household.
        e.HasIndex(x => new { x.CommuneId, x.HeadGivenNameSort });
        e.HasIndex(x => new { x.CommuneId, x.HeadNameSort });
        // Covering the dashboard's year-true population (YearRule.ExistingIn) and its village: a year's figures read
        // the index, not the households' rows.
        e.HasIndex(x => new { x.CommuneId, x.Status, x.StatusDate, x.ActiveFrom, x.VillageId });
        e.HasOne(x => x.Village).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne(x => x.Household).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.Occupation).HasMaxLength(200);
        e.Property(x => x.NationalId).HasMaxLength(20);
        e.HasIndex(x => x.NationalId).IsUnique();
        e.HasIndex(x => x.FullNameSearch);
        // Covering the list's order and the household its scope is checked through: a deep page skips along the
        // index alone (the table is read for the page's 20 rows only).
        e.HasIndex(x => new { x.GivenNameSort, x.Id, x.HouseholdId });
        e.HasIndex(x => new { x.FullNameSort, x.Id, x.HouseholdId });
        e.HasIndex(x => new { x.HouseholdId, x.SortOrder });
        // Covering the dashboard's people of a year (YearRule.ExistingIn, CitizenAge) and their target group.
        e.HasIndex(x => new { x.HouseholdId, x.BirthYear, x.Status, x.StatusDate, x.ActiveFrom, x.TargetGroup });
    }
}
