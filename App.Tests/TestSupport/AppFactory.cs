using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HocTapSuotDoi.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HocTapSuotDoi.Tests.TestSupport;

// Hangfire keeps its storage, log provider and job activator in process-wide statics: every test that starts the app
// (WebApplicationFactory, BenchmarkHost) or builds a Hangfire storage runs in this one collection, one at a time.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection
{
    public const string Name = "App";
}

// The whole app on a fresh data folder (real SQLite files, migrations, seeding), with the demo commune.
public class AppFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hoctap-tests", Guid.NewGuid().ToString("N"));
    public LogCapture Logs { get; } = new();
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Hangfire:ServerEnabled"] = "false",
        ["DemoData:Enabled"] = "true",
        // Most tests make the households they need; DemoRegisterApp adds the generated register.
        ["DemoData:Registers"] = "false",
        ["Admin:Password"] = "",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public const string DemoPassword = "HocTap@2026";

    // Where the app's clock starts: a Wednesday morning in Vietnam, in the autumn scoring season. "Today", the working
    // year, registration deadlines and the years of the demo data are then the same whatever day the tests run.
    public static readonly DateTimeOffset ClockStart = new(2026, 10, 14, 9, 0, 0, TimeSpan.FromHours(7));

    // Today in Vietnam on the app's clock, as the app sees it.
    public DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Services.GetRequiredService<TimeProvider>().GetUtcNow(), VnTime.Zone).DateTime);

    protected virtual TimeProvider CreateClock() => new FixedStartClock(ClockStart);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.AddSingleton(CreateClock()));
    }

    // The first administrator's generated password, as written once to the log.
    public string GeneratedAdminPassword()
    {
        _ = Services;
        var line = Logs.Messages.Single(m => m.Contains("mật khẩu tạm thời"));
        return Regex.Match(line, @"tạm thời: (\S+) —").Groups[1].Value;
    }

    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread: the temp folder is cleaned by the OS.
        }
    }
}

// The demo commune with its generated register (about 2.000 households) and three years of evaluations.
public sealed class DemoRegisterApp : AppFactory
{
    public DemoRegisterApp() => Settings["DemoData:Registers"] = "true";
}

public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => _messages.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(exception is null ? formatter(state, exception) : $"{formatter(state, exception)}\n{exception}");
    }
}
