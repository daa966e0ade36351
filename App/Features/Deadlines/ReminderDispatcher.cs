using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Deadlines;

public sealed record ReminderRunResult(DateOnly Day, int Planned, int Recorded, int EmailsSent, int EmailsFailed, int EmailsCancelled, TimeSpan DecisionTime)
{
    public string? FirstError { get; init; }
}

// The daily reminder run: who must report (ReportObligations) and what is due today (ReminderPlanner) decide, the
// ledger records each reminder once (ReminderLedger), the outbox sends the e-mails (MailOutbox).
public sealed class ReminderDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    ReportObligations obligations,
    ReminderLedger ledger,
    MailOutbox outbox,
    TimeProvider clock,
    ILogger<ReminderDispatcher> logger)
{
    public DateOnly Today => new VnClock(clock).Today;

    // The whole chain without a container: the benchmark, and tests that play a restart or a second server.
    public static ReminderDispatcher Create(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, AppSettings settings, IEmailSender email, ILoggerFactory logs) =>
        new(dbFactory, new ReportObligations(dbFactory, clock, settings), new ReminderLedger(dbFactory, clock, email, logs.CreateLogger<ReminderLedger>()),
            new MailOutbox(dbFactory, clock, settings, email, logs.CreateLogger<MailOutbox>()), clock, logs.CreateLogger<ReminderDispatcher>());

    public ReminderLedger Ledger => ledger;

    // Decide, record, send. Safe to run any number of times a day.
    public async Task<ReminderRunResult> RunAsync(CancellationToken ct)
    {
        var today = Today;
        var started = clock.GetTimestamp();
        var planned = await PlanAsync(today, ct);
        var decision = clock.GetElapsedTime(started);
        var recorded = await ledger.RecordAsync(planned, today, ct);
        var mail = await outbox.SendPendingAsync(ct);
        logger.LogInformation("Nhắc hạn ngày {Day}: {Planned} nhắc việc, {Recorded} mới, {Sent} e-mail đã gửi, {Failed} lỗi.",
            VnTime.FormatDate(today), planned.Count, recorded, mail.Sent, mail.Failed);
        return new ReminderRunResult(today, planned.Count, recorded, mail.Sent, mail.Failed, mail.Cancelled, decision) { FirstError = mail.FirstError };
    }

    // The decision alone: who should get what today (what has already gone out is filtered by the ledger).
    public async Task<List<PlannedReminder>> PlanAsync(DateOnly today, CancellationToken ct)
    {
        var result = new List<PlannedReminder>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadlines = await db.Set<Deadline>().AsNoTracking().Where(d => d.Active).ToListAsync(ct);
        var due = new List<(Deadline Deadline, int Year, ReminderStage Stage)>();
        foreach (var deadline in deadlines)
        {
            foreach (var year in new[] { today.Year - 1, today.Year, today.Year + 1 })
            {
                if (ReminderPlanner.StageOn(ReportObligations.Rule(deadline, year), today) is { } stage)
                {
                    due.Add((deadline, year, stage));
                }
            }
        }
        foreach (var (deadline, year, stage) in due)
        {
            var state = await obligations.LoadAsync(db, deadline, year, ct);
            result.AddRange(ReminderPlanner.Plan(state.Context, state.Deadline, stage, today, state.Subjects, state.Reporters, state.Committee));
        }
        return result;
    }
}
