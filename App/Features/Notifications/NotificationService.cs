using HocTapSuotDoi.Data;
using HocTapSuotDoi.Security;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Notifications;

public sealed record NotificationRow(long Id, string Title, string Body, string Link, DateTime CreatedAtUtc, bool Read);

// The signed-in user's own in-app notifications (the bell). Nobody reads another person's notifications.
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync()
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<Notification>().CountAsync(n => n.UserId == scope.UserId && n.ReadAtUtc == null);
    }

    public async Task<IReadOnlyList<NotificationRow>> LatestAsync(int take = 50)
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == scope.UserId)
            .OrderByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync();
    }

    public async Task MarkReadAsync(long id)
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Notification>().Where(n => n.Id == id && n.UserId == scope.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
    }

    public async Task MarkAllReadAsync()
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Notification>().Where(n => n.UserId == scope.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
    }
}
