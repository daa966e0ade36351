namespace HocTapSuotDoi.Features.Notifications;

public sealed record NotificationRow(long Id, string Title, string Body, string Link, DateTime CreatedAtUtc, bool Read);

// The signed-in user's own in-app notifications (the bell). Nobody reads another person's notifications.
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.UserId == scope.UserId && n.ReadAtUtc == null, ct);
    }

    public async Task<IReadOnlyList<NotificationRow>> LatestAsync(int take = 50, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == scope.UserId)
            .OrderByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(ct);
    }

    public async Task MarkReadAsync(long id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Notification>().Where(n => n.Id == id && n.UserId == scope.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Notification>().Where(n => n.UserId == scope.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }
}
