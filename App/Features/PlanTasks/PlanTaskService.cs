using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Setup;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.PlanTasks;

public sealed record PlanTaskRow(int Id, int Version, ResponsibleBody Body, string PlanSection, string Title, string Owner, DateOnly? DueDate,
    PlanTaskStatus Status, string ProgressNotes, bool Overdue);

// The plan's tasks per responsible body. The committee and administrators follow and update them; viewers read.
public sealed class PlanTaskService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<PlanTaskForm> validator)
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Viewer];

    public async Task<(IReadOnlyList<PlanTaskRow> Rows, bool CanEdit)> ListAsync()
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync();
        var today = VnTime.Today(clock);
        var rows = await db.Set<PlanTask>().AsNoTracking().Where(t => t.CommuneId == scope.CommuneId)
            .OrderBy(t => t.Body).ThenBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new PlanTaskRow(t.Id, t.Version, t.Body, t.PlanSection, t.Title, t.Owner, t.DueDate, t.Status, t.ProgressNotes,
                t.Status != PlanTaskStatus.Done && t.DueDate != null && t.DueDate < today))
            .ToListAsync();
        return (rows, scope.HasRole(Roles.Administrator, Roles.Committee));
    }

    public static PlanTaskForm FormFor(PlanTaskRow row) => new()
    {
        Id = row.Id, Version = row.Version, Owner = row.Owner, DueDate = row.DueDate?.ToDateTime(TimeOnly.MinValue), Status = row.Status,
        ProgressNotes = row.ProgressNotes,
    };

    public async Task UpdateAsync(PlanTaskForm form)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Committee);
        await validator.ValidateAndThrowAsync(form);
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Actor = scope.Name;
        var task = await db.Set<PlanTask>().SingleOrDefaultAsync(t => t.Id == form.Id && t.CommuneId == scope.CommuneId)
            ?? throw new ForbiddenException(RegisterAccess.NotInScope);
        db.Entry(task).Property(t => t.Version).OriginalValue = form.Version;
        task.Owner = form.Owner.Trim();
        task.DueDate = form.DueDate is { } due ? DateOnly.FromDateTime(due) : null;
        task.Status = form.Status;
        task.ProgressNotes = form.ProgressNotes.Trim();
        await HouseholdService.SaveOrConflictAsync(db, "Nhiệm vụ này");
    }
}
