using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.PlanTasks;

public sealed record PlanTaskFileRow(int Id, int PlanTaskId, string FileName, long SizeBytes, string UploadedBy, DateTime UploadedAtUtc);

// Files attached to plan tasks, kept like scoring evidence: the same accepted types and size limit, a generated name
// under the data folder, served only through an endpoint that checks the reader.
public sealed class PlanTaskFiles(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AppSettings settings, TimeProvider clock)
{
    private string Folder(int taskId) => Path.Combine(settings.DataDirectory, "nhiem-vu", taskId.ToString(CultureInfo.InvariantCulture));

    public async Task<IReadOnlyList<PlanTaskFileRow>> ListAsync(int taskId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(PlanTaskService.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<PlanTaskAttachment>().AsNoTracking()
            .Where(f => f.PlanTaskId == taskId && db.Set<PlanTask>().Any(t => t.Id == taskId && t.CommuneId == scope.CommuneId))
            .OrderBy(f => f.Id).Select(f => new PlanTaskFileRow(f.Id, f.PlanTaskId, f.FileName, f.SizeBytes, f.UploadedBy, f.UploadedAtUtc)).ToListAsync(ct);
    }

    public async Task<int> UploadAsync(int taskId, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee);
        var contentType = StoredFiles.DocumentType(fileName, size);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<PlanTask>().AnyAsync(t => t.Id == taskId && t.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        var stored = await StoredFiles.WriteAsync(Folder(taskId), Path.GetExtension(fileName), content, ct);
        var row = new PlanTaskAttachment
        {
            PlanTaskId = taskId, FileName = Path.GetFileName(fileName), StoredName = stored, ContentType = contentType, SizeBytes = size,
            UploadedBy = scope.Name, UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        db.ChangeLogs.Add(new ChangeLog { EntityType = nameof(PlanTask), EntityId = taskId.ToString(CultureInfo.InvariantCulture), Action = "Đính kèm", Changes = row.FileName, By = scope.Name, AtUtc = row.UploadedAtUtc });
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task<(string Path, string ContentType, string FileName)> OpenAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(PlanTaskService.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Set<PlanTaskAttachment>().AsNoTracking()
            .Where(f => f.Id == id && db.Set<PlanTask>().Any(t => t.Id == f.PlanTaskId && t.CommuneId == scope.CommuneId))
            .SingleOrDefaultAsync(ct) ?? throw new ForbiddenException(UserMessages.NotInScope);
        return (Path.Combine(Folder(file.PlanTaskId), file.StoredName), file.ContentType, file.FileName);
    }
}
