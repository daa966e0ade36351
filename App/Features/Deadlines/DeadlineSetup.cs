using HocTapSuotDoi.Features.Notifications;
using HocTapSuotDoi.Jobs;

namespace HocTapSuotDoi.Features.Deadlines;

public static class DeadlineSetup
{
    // Deadlines, reports, the compliance board, reminders (in-app and e-mail) and the daily reminder job.
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<ReportObligations>();
        services.AddSingleton<ReminderLedger>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddScoped<SendRemindersJob>();
        services.AddScoped<DeadlineService>();
        services.AddScoped<UnitReportService>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<NotificationService>();
        services.AddHostedService<DefaultDeadlinesSeeder>();
        return services;
    }

    public static void MapDeadlineEndpoints(this IEndpointRouteBuilder app)
    {
        // The attachment of a report, for whoever may read the report.
        app.MapGet("/bao-cao/tep/{id:int}", async (int id, UnitReportService reports) =>
            await reports.GetAttachmentAsync(id) is { } file
                ? Results.File(file.Content, file.ContentType, file.Name)
                : Results.NotFound()).RequireAuthorization();
    }
}

// Runs after migrations (Program prepares the database before the host starts): adds the default deadlines once.
public sealed class DefaultDeadlinesSeeder(IDbContextFactory<AppDbContext> dbFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await DeadlineService.EnsureDefaultsAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
