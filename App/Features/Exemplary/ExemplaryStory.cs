using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Exemplary;

public enum ExemplaryKind
{
    Person = 1,
    Household = 2,
    Clan = 3,
    Unit = 4,
}

public static class ExemplaryTexts
{
    public static string Kind(ExemplaryKind kind) => kind switch
    {
        ExemplaryKind.Person => "Cá nhân",
        ExemplaryKind.Household => "Hộ gia đình",
        ExemplaryKind.Clan => "Dòng họ",
        _ => "Cơ quan, đơn vị",
    };
}

// A gương điển hình in lifelong learning (plan IV.4): who, the story, the year it was honoured, photos; linked to the
// register row (person, household, clan or unit) when there is one.
public class ExemplaryStory : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public StoryContent Content { get; set; } = new();
    // Outside the content: the year is indexed and the links are foreign keys (a complex type can hold neither). The
    // form names the linked row once (ExemplaryForm.RegisterRowId); the row keeps one column per register table.
    public int Year { get; set; }
    public int? VillageId { get; set; }
    public int? PersonId { get; set; }
    public int? HouseholdId { get; set; }
    public int? ClanId { get; set; }
    public int? UnitId { get; set; }
    public List<StoryPhoto> Photos { get; set; } = [];
}

// Who and what the story tells, as the dialog edits it (ExemplaryForm) and the row keeps it: one class, mapped as a
// complex property whose columns are the row's own.
public sealed class StoryContent
{
    public ExemplaryKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Story { get; set; } = "";
}

// A photo of a story, stored under the data folder with a generated name and served only through an endpoint.
public class StoryPhoto : StoredFile
{
    public int StoryId { get; set; }
}

public sealed class ExemplaryStoryConfiguration : IEntityTypeConfiguration<ExemplaryStory>
{
    public void Configure(EntityTypeBuilder<ExemplaryStory> e)
    {
        e.ComplexProperty(x => x.Content, c =>
        {
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Name).HasMaxLength(300);
            c.Property(x => x.Title).HasMaxLength(500);
            c.Property(x => x.Story).HasMaxLength(8000);
        });
        e.HasIndex(x => new { x.CommuneId, x.Year });
        e.HasMany(x => x.Photos).WithOne().HasForeignKey(x => x.StoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Clan>().WithMany().HasForeignKey(x => x.ClanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StoryPhotoConfiguration : IEntityTypeConfiguration<StoryPhoto>
{
    public void Configure(EntityTypeBuilder<StoryPhoto> e)
    {
        e.MapStoredFile();
    }
}
