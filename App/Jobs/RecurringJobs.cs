using Hangfire;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Jobs;

// Every recurring job, in one place; cron and time zone from settings. Safe to call at every start (upsert).
public sealed class RecurringJobs(IRecurringJobManager jobs, AppSettings settings)
{
    public const string NightlyBackup = "sao-luu-hang-dem";
    public const string DailyReminders = "nhac-han-bao-cao";

    public void Register()
    {
        var options = new RecurringJobOptions { TimeZone = settings.TimeZone };
        jobs.AddOrUpdate<BackupDatabaseJob>(NightlyBackup, job => job.RunAsync(CancellationToken.None), settings.Backup.Cron, options);
        jobs.AddOrUpdate<SendRemindersJob>(DailyReminders, job => job.RunAsync(CancellationToken.None), settings.Reminders.Cron,
            new RecurringJobOptions { TimeZone = settings.Reminders.Zone });
    }
}
