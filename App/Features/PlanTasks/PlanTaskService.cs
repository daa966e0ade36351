namespace HocTapSuotDoi.Features.PlanTasks;

public sealed record PlanTaskRow(int Id, int Version, ResponsibleBody Body, string PlanSection, string Title, string Owner, DateOnly? DueDate,
    PlanTaskStatus Status, string ProgressNotes, bool Overdue)
{
    public string? OwnerUserId { get; init; }
}

public sealed record OverdueTaskRow(int Id, ResponsibleBody Body, string PlanSection, string Title, string Owner, DateOnly DueDate, DateOnly? RemindedOn);

public sealed record OwnerChoice(string UserId, string Name);

// The plan's tasks per responsible body. The committee and administrators follow and update them; viewers read.
public sealed class PlanTaskService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<PlanTaskForm> validator)
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Viewer];

    public async Task<(IReadOnlyList<PlanTaskRow> Rows, bool CanEdit)> ListAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = VnTime.Today(clock);
        var rows = await db.Set<PlanTask>().AsNoTracking().Where(t => t.CommuneId == scope.CommuneId)
            .OrderBy(t => t.Body).ThenBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new PlanTaskRow(t.Id, t.Version, t.Body, t.PlanSection, t.Title, t.Owner, t.DueDate, t.Status, t.ProgressNotes,
                t.Status != PlanTaskStatus.Done && t.DueDate != null && t.DueDate < today) { OwnerUserId = t.OwnerUserId })
            .ToListAsync(ct);
        return (rows, scope.HasRole(Roles.Administrator, Roles.Committee));
    }

    // Overdue tasks for the compliance board, with the day their owner was reminded (in-app) for the current due date.
    public async Task<IReadOnlyList<OverdueTaskRow>> OverdueAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = VnTime.Today(clock);
        return await db.Set<PlanTask>().AsNoTracking()
            .Where(t => t.CommuneId == scope.CommuneId && t.Status != PlanTaskStatus.Done && t.DueDate != null && t.DueDate < today)
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new OverdueTaskRow(t.Id, t.Body, t.PlanSection, t.Title, t.Owner, t.DueDate!.Value,
                db.Set<PlanTaskReminder>().Where(r => r.PlanTaskId == t.Id && r.DueDate == t.DueDate && r.Channel == Deadlines.ReminderChannel.InApp)
                    .Min(r => (DateOnly?)r.Day)))
            .ToListAsync(ct);
    }

    // Accounts of the commune that may be reminded as a task's owner.
    public async Task<IReadOnlyList<OwnerChoice>> OwnerChoicesAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.CommuneId == scope.CommuneId).OrderBy(u => u.FullName)
            .Select(u => new OwnerChoice(u.Id, u.FullName + " (" + u.Email + ")")).ToListAsync(ct);
    }

    public static PlanTaskForm FormFor(PlanTaskRow row) => new()
    {
        Id = row.Id, Version = row.Version, Owner = row.Owner, DueDate = row.DueDate?.ToDateTime(TimeOnly.MinValue), Status = row.Status,
        ProgressNotes = row.ProgressNotes, OwnerUserId = row.OwnerUserId,
    };

    public async Task UpdateAsync(PlanTaskForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var task = await db.EditedRowAsync(db.Set<PlanTask>().Where(t => t.Id == form.Id && t.CommuneId == scope.CommuneId), form.Version, ct);
        task.Owner = form.Owner.Trim();
        task.DueDate = form.DueDate is { } due ? DateOnly.FromDateTime(due) : null;
        task.Status = form.Status;
        task.ProgressNotes = form.ProgressNotes.Trim();
        if (form.OwnerUserId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        task.OwnerUserId = form.OwnerUserId;
        await db.SaveOrConflictAsync("Nhiệm vụ này", ct);
    }
}
