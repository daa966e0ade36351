using HocTapSuotDoi.Features.Backups;

namespace HocTapSuotDoi.Jobs;

public sealed class BackupDatabaseJob(BackupService backups)
{
    public async Task RunAsync(CancellationToken cancellationToken) => await backups.CreateBackupAsync(cancellationToken);
}
