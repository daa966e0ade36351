using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Decisions;

// A recognition decision (quyết định công nhận) as it was signed: every text the document prints is stored here, so
// the file downloaded years later is the same one, whatever happens to names, settings or templates' defaults.
public class Decision : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public Title Title { get; set; }
    // The year of the title (năm công nhận); the number register runs by the year of signing (IssuedYear).
    public int Year { get; set; }
    public int Number { get; set; }
    public string Symbol { get; set; } = DecisionDefaults.Symbol;
    public DateOnly IssuedOn { get; set; }
    public int IssuedYear { get; set; }
    public string IssuingBody { get; set; } = "";
    public string Place { get; set; } = "";
    public string SignerName { get; set; } = "";
    public string SignerPosition { get; set; } = "";
    // One "Căn cứ …;" line per line of text.
    public string Bases { get; set; } = "";
    public string Article2 { get; set; } = "";
    public string Article3 { get; set; } = "";
    // "Nơi nhận:" lines.
    public string Recipients { get; set; } = "";
    public List<DecisionSubject> Subjects { get; set; } = [];

    public string FullNumber => $"{Number}/{Symbol}";

    // The first line of Bases of a decision recorded from the list of a past year (Nhập danh sách được công nhận): the
    // app keeps its number, date and list but never drafted, signed or printed it.
    public const string ImportedMarker = "Công nhận (nhập từ danh sách)";

    public bool Imported => Bases.StartsWith(ImportedMarker, StringComparison.Ordinal);
}

// One recognised subject of a decision, with its certificate's verification code. Name, village and score are copied
// from the evaluation at signing time, as the printed list shows them.
public class DecisionSubject
{
    public int Id { get; set; }
    public int DecisionId { get; set; }
    public int EvaluationId { get; set; }
    public Evaluation? Evaluation { get; set; }
    public int SortOrder { get; set; }
    public string SubjectName { get; set; } = "";
    public string VillageName { get; set; } = "";
    public int TotalTenths { get; set; }
    public string Rating { get; set; } = "";
    public string CertificateCode { get; set; } = "";
}

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> e)
    {
        e.ToTable("Decisions");
        e.Property(x => x.Title).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Symbol).HasMaxLength(30);
        e.Property(x => x.IssuingBody).HasMaxLength(200);
        e.Property(x => x.Place).HasMaxLength(100);
        e.Property(x => x.SignerName).HasMaxLength(200);
        e.Property(x => x.SignerPosition).HasMaxLength(200);
        e.Property(x => x.Bases).HasMaxLength(8000);
        e.Property(x => x.Article2).HasMaxLength(2000);
        e.Property(x => x.Article3).HasMaxLength(2000);
        e.Property(x => x.Recipients).HasMaxLength(2000);
        e.Ignore(x => x.FullNumber);
        e.Ignore(x => x.Imported);
        e.HasIndex(x => new { x.CommuneId, x.IssuedYear, x.Number }).IsUnique();
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Title });
        e.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DecisionSubjectConfiguration : IEntityTypeConfiguration<DecisionSubject>
{
    public void Configure(EntityTypeBuilder<DecisionSubject> e)
    {
        e.ToTable("DecisionSubjects");
        e.Property(x => x.SubjectName).HasMaxLength(300);
        e.Property(x => x.VillageName).HasMaxLength(200);
        e.Property(x => x.Rating).HasMaxLength(60);
        e.Property(x => x.CertificateCode).HasMaxLength(VerificationCode.Length);
        // An evaluation belongs to one title and year, so "one decision per title and year" is "one decision at all".
        e.HasIndex(x => x.EvaluationId).IsUnique();
        e.HasIndex(x => x.CertificateCode).IsUnique();
        e.HasOne(x => x.Evaluation).WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Restrict);
    }
}
