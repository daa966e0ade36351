namespace HocTapSuotDoi.Features.Notifications;

// An in-app message for one user, shown under the bell in the app bar.
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(20_000);
        e.Property(x => x.Link).HasMaxLength(500);
        e.HasIndex(x => new { x.UserId, x.ReadAtUtc });
        e.HasIndex(x => new { x.UserId, x.CreatedAtUtc });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
