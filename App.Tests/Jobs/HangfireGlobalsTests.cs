using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Setup;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Jobs;

// Hangfire's statics outlive a host: whatever ran before, the next Hangfire object must not reach a disposed host.
[Collection(HangfireStaticsCollection.Name)]
public sealed class HangfireGlobalsTests
{
    // Starts the app (PrepareAsync registers the recurring jobs through Hangfire), then disposes it: its storage.
    private static JobStorage StartAndDisposeAnApp()
    {
        using var app = new AppFactory();
        return app.Services.GetRequiredService<JobStorage>();
    }

    private static JobStorage? CurrentStorage()
    {
        try
        {
            return JobStorage.Current;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [Fact]
    public void A_storage_built_after_an_app_is_disposed_works_and_finds_nothing_of_that_app()
    {
        var disposed = StartAndDisposeAnApp();

        // Hangfire.InMemory asks the global log provider for its loggers as it is built.
        using var storage = new InMemoryStorage();
        new RecurringJobs(new RecurringJobManager(storage), new AppSettings()).Register();
        using var connection = storage.GetConnection();
        Assert.Equal([RecurringJobs.DailyReminders, RecurringJobs.NightlyBackup], connection.GetRecurringJobs().Select(j => j.Id).Order());
        // The statics no longer reach the disposed app: back to neutral, or pointing at an app that still runs.
        var current = CurrentStorage();
        Assert.NotSame(disposed, current);
        Assert.True(current is not null || JobActivator.Current.GetType() == typeof(JobActivator));
    }

    [Fact]
    public void The_next_app_enqueues_into_its_own_storage_after_the_first_is_disposed()
    {
        _ = StartAndDisposeAnApp();

        using var next = new AppFactory();
        var client = next.Services.GetRequiredService<IBackgroundJobClient>();
        var id = client.Enqueue<BackupDatabaseJob>(job => job.RunAsync(CancellationToken.None));

        var storage = next.Services.GetRequiredService<JobStorage>();
        Assert.Same(storage, JobStorage.Current);
        using var connection = storage.GetConnection();
        Assert.Equal("Enqueued", connection.GetStateData(id).Name);
        Assert.Equal(2, connection.GetRecurringJobs().Count);
    }

    // Test classes run side by side: an app started while another lives keeps its own storage and its own service scopes
    // for jobs, although Hangfire's statics now point at the later one.
    [Fact]
    public void Two_apps_alive_at_once_each_keep_their_own_storage_and_job_scopes()
    {
        using var first = new AppFactory();
        _ = first.Services;
        using var second = new AppFactory();
        _ = second.Services;

        var storage = first.Services.GetRequiredService<JobStorage>();
        Assert.NotSame(storage, second.Services.GetRequiredService<JobStorage>());
        var id = first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<BackupDatabaseJob>(job => job.RunAsync(CancellationToken.None));
        using (var connection = storage.GetConnection())
        {
            Assert.Equal("Enqueued", connection.GetStateData(id).Name);
        }
        using (var other = second.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Null(other.GetJobData(id));
        }

        using var scope = first.Services.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);
        Assert.Same(first.Services.GetRequiredService<AppSettings>(), scope.Resolve(typeof(AppSettings)));
    }
}
