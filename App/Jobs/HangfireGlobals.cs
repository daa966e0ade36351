using Hangfire;

namespace HocTapSuotDoi.Jobs;

// Hangfire keeps its storage, log provider and job activator in process-wide statics. AddHangfire points them at this
// host (its storage file, its logger factory, its service scopes) when Hangfire's configuration is first resolved, and
// nothing puts them back: a storage or server built after the host is disposed would log into a disposed logger factory
// (ObjectDisposedException) or run jobs in a disposed container. This singleton is created at that same moment, so the
// container disposes it before the logger factory and the scopes; it then returns the statics to neutral values, unless
// another host has taken them over since.
public sealed class HangfireGlobals : IDisposable
{
    private static readonly Lock Gate = new();
    private static HangfireGlobals? _owner;

    // This host's storage, made by its configuration callback; the container hands out this one, not JobStorage.Current.
    public JobStorage Storage { get; private set; } = default!;

    // Called from the configuration callback: sets this host's statics (activator, log provider, then the storage that
    // `configure` builds) and takes them over in one step, so that two hosts starting at once cannot leave the statics
    // of one with the other as their owner (the disposed host's storage then stayed current: seen once in CI).
    public void TakeOver(IGlobalConfiguration configuration, JobActivator activator, ILoggerFactory loggers, Func<JobStorage> configure)
    {
        lock (Gate)
        {
            configuration.UseActivator(activator);
            configuration.UseLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(loggers));
            Storage = configure();
            _owner = this;
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_owner != this)
            {
                return;
            }
            _owner = null;
            GlobalConfiguration.Configuration.UseNoOpLogProvider();
            JobActivator.Current = new JobActivator();
            JobStorage.Current = null;
        }
    }
}
