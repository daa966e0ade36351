using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Notifications;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Notifications;

public sealed class NotificationServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<long> AddAsync(string email, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var notification = new Notification { UserId = user!.Id, Title = title, Link = "/bao-cao", CreatedAtUtc = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        db.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    [Fact]
    public async Task Each_person_sees_counts_and_marks_only_their_own_notifications()
    {
        var mine = await AddAsync("xem@camtan.vn", "Nhắc hạn báo cáo của tôi");
        await AddAsync("xem@camtan.vn", "Nhắc hạn thứ hai");
        var theirs = await AddAsync("bcd@camtan.vn", "Tổng hợp quá hạn");

        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
        Assert.Equal(2, await notifications.UnreadCountAsync());
        Assert.Equal(["Nhắc hạn thứ hai", "Nhắc hạn báo cáo của tôi"], (await notifications.LatestAsync()).Select(n => n.Title));

        await notifications.MarkReadAsync(theirs);
        await notifications.MarkReadAsync(mine);
        Assert.Equal(1, await notifications.UnreadCountAsync());
        Assert.True((await notifications.LatestAsync()).Single(n => n.Id == mine).Read);

        await notifications.MarkAllReadAsync();
        Assert.Equal(0, await notifications.UnreadCountAsync());
        await using var committee = await app.AsUserAsync("bcd@camtan.vn");
        Assert.Equal(1, await committee.ServiceProvider.GetRequiredService<NotificationService>().UnreadCountAsync());
    }
}
