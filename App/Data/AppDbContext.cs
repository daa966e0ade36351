using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HocTapSuotDoi.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UserVillage> UserVillages => Set<UserVillage>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Clan> Clans => Set<Clan>();
    public DbSet<ClanMember> ClanMembers => Set<ClanMember>();
    public DbSet<ChangeLog> ChangeLogs => Set<ChangeLog>();

    // Who is saving: set by the service from the signed-in user ("hệ thống" for jobs and seeding).
    public string Actor { get; set; } = "hệ thống";

    // Bulk writers (Excel import, demo data) record one summary line themselves instead of a line per row.
    public bool SkipChangeLog { get; set; }

    // When: the app's clock (VnClock on the injected TimeProvider, so tests that fix the clock fix the audit times too);
    // a context made outside the app (tools) falls back to the system clock.
    private VnClock? _clock;

    public VnClock Clock
    {
        get => _clock ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<VnClock>()
            ?? VnClock.System;
        set => _clock = value;
    }

    // Stamps who and when on audited rows, bumps their version (the concurrency token) and writes the change log.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = Clock.UtcNow;
        var logged = new List<(EntityEntry Entry, string Action, string Changes)>();
        var entries = ChangeTracker.Entries<IAudited>().ToList();
        // Rows saved with their own history line (scoring) get no second change-log row. Collected once: asking the
        // change tracker per row re-detects changes over every tracked row (quadratic when thousands are saved).
        var ownLines = ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is IHistoryLine)
            .Select(e => ((IHistoryLine)e.Entity).Subject.Name + "#" + ((IHistoryLine)e.Entity).SubjectId).ToHashSet();
        foreach (var entry in entries)
        {
            if (entry.Entity is Features.Scoring.Registration { } registration && entry.State is EntityState.Added or EntityState.Modified)
            {
                // The decision page sorts by it in SQL; bulk writers set it themselves.
                registration.SubjectSortKey = VietnameseText.GivenNameSortKey(registration.SubjectName);
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAtUtc = entry.Entity.UpdatedAtUtc = now;
                    entry.Entity.CreatedBy = entry.Entity.UpdatedBy = Actor;
                    entry.Entity.Version = 1;
                    logged.Add((entry, "Thêm", ""));
                    break;
                case EntityState.Modified:
                    // The content a form shares with its entity (a complex property) is logged as the entity's own columns.
                    var changed = entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
                        .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !p.Metadata.Name.EndsWith("Search", StringComparison.Ordinal) && !p.Metadata.Name.EndsWith("Sort", StringComparison.Ordinal))
                        .Select(p => $"{p.Metadata.Name}: {p.OriginalValue} → {p.CurrentValue}")
                        .ToList();
                    entry.Entity.UpdatedAtUtc = now;
                    entry.Entity.UpdatedBy = Actor;
                    entry.Entity.Version++;
                    if (!HasOwnHistoryLine(entry, ownLines))
                    {
                        logged.Add((entry, "Sửa", string.Join("; ", changed)));
                    }
                    break;
                case EntityState.Deleted:
                    logged.Add((entry, "Xóa", ""));
                    break;
            }
        }
        if (logged.Count == 0 || SkipChangeLog)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // The rows and their log lines are written together, or not at all.
        await using var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // Ids of added rows are known only after the first save.
        ChangeLogs.AddRange(logged.Select(l => new ChangeLog
        {
            EntityType = l.Entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", l.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => l.Entry.Property(p.Name).CurrentValue)),
            Action = l.Action,
            Changes = l.Changes.Length > 2000 ? l.Changes[..2000] : l.Changes,
            By = Actor,
            AtUtc = now,
        }));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    private static bool HasOwnHistoryLine(EntityEntry entry, HashSet<string> ownLines) =>
        ownLines.Count > 0 && entry.Metadata.FindPrimaryKey()!.Properties is [var key]
        && ownLines.Contains(entry.Metadata.ClrType.Name + "#" + entry.Property(key.Name).CurrentValue);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each entity's mapping sits beside it, as an IEntityTypeConfiguration<T> in the same file.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Every audited row's version is its concurrency token: a save that read an older version is refused
        // (SaveOrConflictAsync) instead of overwriting what someone else saved.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(AuditedEntity).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(type.ClrType).Property(nameof(AuditedEntity.Version)).IsConcurrencyToken();
        }
        // The content a form shares with its entity is a complex property of the entity (decision 024); its columns keep
        // the names they had when the entity declared the fields itself ("Title", not "Content_Title").
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetComplexProperties()).SelectMany(c => c.ComplexType.GetProperties()))
        {
            property.SetColumnName(property.Name);
        }
    }
}
