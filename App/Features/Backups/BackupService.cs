using HocTapSuotDoi.Setup;
using Microsoft.Data.Sqlite;

namespace HocTapSuotDoi.Features.Backups;

public sealed record BackupFile(string Name, long SizeBytes, DateTime CreatedAtUtc);

// Copies of hoctap.db made with SQLite's online backup API: consistent while the app keeps writing.
// The copy is written under a temporary name, checked, then renamed, so a file in backups/ is always complete.
public sealed class BackupService(AppSettings settings, TimeProvider clock, CurrentUser currentUser, ILogger<BackupService> logger)
{
    private const string Prefix = "hoctap-";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    // Used by the nightly job: no user involved.
    public async Task<BackupFile> CreateBackupAsync(CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(settings.BackupDirectory);
            var local = new VnClock(clock).Now;
            var name = $"{Prefix}{local.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db";
            for (var n = 2; File.Exists(Path.Combine(settings.BackupDirectory, name)); n++)
            {
                name = $"{Prefix}{local.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{n}.db";
            }
            var target = Path.Combine(settings.BackupDirectory, name);
            var partial = target + ".partial";

            await using (var source = new SqliteConnection(settings.ConnectionString))
            await using (var destination = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
                await using var check = destination.CreateCommand();
                check.CommandText = "PRAGMA quick_check;";
                var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
                if (verdict != "ok")
                {
                    throw new InvalidOperationException($"Bản sao lưu {name} không đạt kiểm tra toàn vẹn: {verdict}");
                }
            }
            File.Move(partial, target);
            Prune();
            var info = new FileInfo(target);
            logger.LogInformation("Đã sao lưu cơ sở dữ liệu vào {File} ({Size} byte)", target, info.Length);
            return new BackupFile(name, info.Length, clock.GetUtcNow().UtcDateTime);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    // The administrator's "Sao lưu ngay".
    public async Task<BackupFile> BackupNowAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireScopeAsync(Roles.Administrator);
        return await CreateBackupAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BackupFile>> ListAsync()
    {
        await currentUser.RequireScopeAsync(Roles.Administrator);
        return ListFiles();
    }

    // The full path of a backup for download, or null; the name must be one of ours (no path tricks).
    public string? PathOf(string name)
    {
        var file = ListFiles().FirstOrDefault(f => f.Name == name);
        return file is null ? null : Path.Combine(settings.BackupDirectory, file.Name);
    }

    private List<BackupFile> ListFiles()
    {
        if (!Directory.Exists(settings.BackupDirectory))
        {
            return [];
        }
        return new DirectoryInfo(settings.BackupDirectory).GetFiles($"{Prefix}*.db")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Select(f => new BackupFile(f.Name, f.Length, f.LastWriteTimeUtc))
            .ToList();
    }

    private void Prune()
    {
        foreach (var old in ListFiles().Skip(settings.Backup.Keep))
        {
            File.Delete(Path.Combine(settings.BackupDirectory, old.Name));
            logger.LogInformation("Đã xóa bản sao lưu cũ {File}", old.Name);
        }
    }
}
