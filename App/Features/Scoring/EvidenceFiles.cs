using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Scoring;

// A file attached as evidence to one criterion of an evaluation. Stored under the data folder with a generated name;
// served only through an endpoint that checks the user may see the evaluation.
public class EvidenceFile : StoredFile
{
    public int EvaluationId { get; set; }
    public required string ItemCode { get; set; }
}

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.Property(x => x.ItemCode).HasMaxLength(20);
        e.MapStoredFile();
        e.HasIndex(x => new { x.EvaluationId, x.ItemCode });
    }
}

public sealed record EvidenceRow(int Id, string ItemCode, string FileName, long SizeBytes, string UploadedBy, DateTime UploadedAtUtc);

public sealed class EvidenceService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AppSettings settings, TimeProvider clock)
{
    private string Folder(int evaluationId) => Path.Combine(settings.DataDirectory, "evidence", evaluationId.ToString(CultureInfo.InvariantCulture));

    public async Task<IReadOnlyList<EvidenceRow>> ListAsync(int evaluationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireAsync(db, evaluationId, edit: false);
        return await db.Set<EvidenceFile>().AsNoTracking().Where(f => f.EvaluationId == evaluationId).OrderBy(f => f.Id)
            .Select(f => new EvidenceRow(f.Id, f.ItemCode, f.FileName, f.SizeBytes, f.UploadedBy, f.UploadedAtUtc)).ToListAsync(ct);
    }

    public async Task<EvidenceRow> UploadAsync(int evaluationId, string itemCode, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        var contentType = StoredFiles.DocumentType(fileName, size, "tệp minh chứng");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await RequireAsync(db, evaluationId, edit: true);
        var stored = await StoredFiles.WriteAsync(Folder(evaluationId), Path.GetExtension(fileName), content, ct);
        var path = Path.Combine(Folder(evaluationId), stored);
        var row = new EvidenceFile
        {
            EvaluationId = evaluationId, ItemCode = itemCode, FileName = Path.GetFileName(fileName), StoredName = stored, ContentType = contentType,
            SizeBytes = new FileInfo(path).Length, UploadedBy = scope.Name, UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        db.Add(new EvaluationAudit { EvaluationId = evaluationId, AtUtc = row.UploadedAtUtc, By = scope.Name, What = $"Minh chứng tiêu chí {itemCode}", New = row.FileName });
        await db.SaveChangesAsync(ct);
        return new EvidenceRow(row.Id, row.ItemCode, row.FileName, row.SizeBytes, row.UploadedBy, row.UploadedAtUtc);
    }

    public async Task<(string Path, string ContentType, string FileName)> OpenAsync(int fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Set<EvidenceFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct)
            ?? throw new ForbiddenException("Không tìm thấy tệp minh chứng.");
        await RequireAsync(db, file.EvaluationId, edit: false);
        return (Path.Combine(Folder(file.EvaluationId), file.StoredName), file.ContentType, file.FileName);
    }

    private async Task<UserScope> RequireAsync(AppDbContext db, int evaluationId, bool edit)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        var evaluation = await db.Set<Evaluation>().AsNoTracking().Include(e => e.Registration).SingleOrDefaultAsync(e => e.Id == evaluationId);
        if (evaluation is null || !await ScoringAccess.CanSeeAsync(db, scope, evaluation.Registration!))
        {
            throw new ForbiddenException("Không tìm thấy hồ sơ này trong phạm vi của bạn.");
        }
        if (edit && !(evaluation.Status == EvaluationStatus.Draft && ScoringAccess.CanScore(scope, evaluation.Registration!)))
        {
            throw new ForbiddenException("Chỉ người chấm thêm được minh chứng khi hồ sơ đang ở trạng thái nháp.");
        }
        return scope;
    }

    public static void MapEvidence(IEndpointRouteBuilder app) =>
        app.MapGet("/minh-chung/{id:int}", async (int id, EvidenceService evidence) =>
        {
            try
            {
                var (path, type, name) = await evidence.OpenAsync(id);
                return File.Exists(path) ? Results.File(path, type, name) : Results.NotFound();
            }
            catch (ForbiddenException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization();
}
