using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Setup;
using HocTapSuotDoi.Tests.Features.Backups;
using HocTapSuotDoi.Tests.Security;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Jobs;

[Collection(HangfireCollection.Name)]
public sealed class RecurringJobsRegistrationTests
{
    [Fact]
    public void Nightly_backup_is_registered_with_the_cron_and_time_zone_of_the_settings()
    {
        using var storage = new InMemoryStorage();
        var settings = new AppSettings { Backup = new BackupSettings { Cron = "30 1 * * *" } };
        var jobs = new RecurringJobs(new RecurringJobManager(storage), settings);

        jobs.Register();
        jobs.Register();

        using var connection = storage.GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == RecurringJobs.NightlyBackup);
        Assert.Equal(RecurringJobs.NightlyBackup, job.Id);
        Assert.Equal("30 1 * * *", job.Cron);
        Assert.Equal(settings.TimeZone.Id, job.TimeZoneId);
        Assert.Equal(typeof(BackupDatabaseJob), job.Job.Type);
    }
}

[Collection(HangfireCollection.Name)]
public sealed class BackupJobThroughHangfireTests(BackupJobThroughHangfireTests.HangfireApp app) : IClassFixture<BackupJobThroughHangfireTests.HangfireApp>
{
    public sealed class HangfireApp : AppFactory
    {
        public HangfireApp() => Settings["Hangfire:ServerEnabled"] = "true";
    }

    private string[] Backups() =>
        Directory.Exists(Path.Combine(app.DataDirectory, "backups"))
            ? Directory.GetFiles(Path.Combine(app.DataDirectory, "backups"), "hoctap-*.db")
            : [];

    private async Task<string> WaitForNewBackupAsync(string[] before)
    {
        for (var i = 0; i < 150; i++)
        {
            var added = Backups().Except(before).ToList();
            if (added.Count > 0)
            {
                return added[0];
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("Hangfire không chạy tác vụ sao lưu trong 30 giây.");
    }

    [Fact]
    public async Task Administrator_triggers_the_backup_from_the_dashboard_and_the_copy_has_the_same_data()
    {
        using var client = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(client, "admin@camtan.vn", app.GeneratedAdminPassword());
        await HttpSignIn.PostFormAsync(client, "/doi-mat-khau", "change-password", new()
        {
            ["Input.CurrentPassword"] = app.GeneratedAdminPassword(),
            ["Input.NewPassword"] = AppAccessFixture.AdminPassword,
            ["Input.ConfirmPassword"] = AppAccessFixture.AdminPassword,
        });
        var dashboard = await client.GetStringAsync("/hangfire/recurring");
        var header = Regex.Match(dashboard, "name=\"csrf-header\" content=\"([^\"]+)\"").Groups[1].Value;
        var token = Regex.Match(dashboard, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        var before = Backups();

        var trigger = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", RecurringJobs.NightlyBackup)]),
        };
        trigger.Headers.Add(header, token);
        var response = await client.SendAsync(trigger);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var copy = await WaitForNewBackupAsync(before);
        var settings = app.Services.GetRequiredService<AppSettings>();
        Assert.Equal(BackupTests.RowCounts(settings.DatabasePath), BackupTests.RowCounts(copy));
    }

    [Fact]
    public async Task Chay_ngay_on_the_jobs_page_runs_the_backup_and_the_page_shows_its_result_in_Vietnam_time()
    {
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var jobs = admin.ServiceProvider.GetRequiredService<BackgroundJobsService>();
        var rows = await jobs.ListAsync();
        Assert.Equal(["Nhắc hạn báo cáo", "Sao lưu hằng đêm"], rows.Select(r => r.Name).Order());
        Assert.All(rows, r => Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", r.NextRun));

        var before = Backups();
        await jobs.RunNowAsync(RecurringJobs.NightlyBackup);
        await WaitForNewBackupAsync(before);
        JobRow backup;
        var waited = 0;
        do
        {
            await Task.Delay(200);
            backup = (await jobs.ListAsync()).Single(r => r.Id == RecurringJobs.NightlyBackup);
        }
        while (backup.LastResult != "Thành công" && ++waited < 150);
        Assert.Equal("Thành công", backup.LastResult);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", backup.LastRun);
    }

    [Fact]
    public async Task Only_administrators_may_run_a_job_now()
    {
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var jobs = scorer.ServiceProvider.GetRequiredService<BackgroundJobsService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => jobs.RunNowAsync(RecurringJobs.NightlyBackup));
        await Assert.ThrowsAsync<ForbiddenException>(() => jobs.ListAsync());
    }

    [Fact]
    public async Task Dashboard_trigger_without_the_antiforgery_token_is_refused()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await client.PostAsync("/hangfire/recurring/trigger",
            new FormUrlEncodedContent([new("jobs[]", RecurringJobs.NightlyBackup)]));
        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
    }
}
