using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Setup;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Jobs;

[Collection(HangfireCollection.Name)]
public sealed class ReminderJobRegistrationTests
{
    [Fact]
    public void Daily_reminders_are_registered_at_the_time_of_day_and_time_zone_of_the_settings()
    {
        using var storage = new InMemoryStorage();
        var settings = new AppSettings { Reminders = new ReminderSettings { TimeOfDay = "06:45", TimeZone = "Asia/Ho_Chi_Minh" } };
        var jobs = new RecurringJobs(new RecurringJobManager(storage), settings);

        jobs.Register();
        jobs.Register();

        using var connection = storage.GetConnection();
        var all = connection.GetRecurringJobs();
        Assert.Equal(2, all.Count);
        var job = all.Single(j => j.Id == RecurringJobs.DailyReminders);
        Assert.Equal("nhac-han-bao-cao", job.Id);
        Assert.Equal("45 6 * * *", job.Cron);
        Assert.Equal("Asia/Ho_Chi_Minh", job.TimeZoneId);
        Assert.Equal(typeof(SendRemindersJob), job.Job.Type);
        Assert.Equal(nameof(SendRemindersJob.RunAsync), job.Job.Method.Name);
    }
}
